// Pure access rules: what each subscription or payment state grants, and what a stored row means now.
import { describe, expect, it } from "vitest";
import { effectiveStatus, entitlementStateFor, grantsAccess, paymentEntitlementStatus } from "@/lib/entitlements/rules";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

const now = new Date("2026-06-15T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const sub = (status: SubscriptionStatus, extra: Partial<Parameters<typeof entitlementStateFor>[0]> = {}) => ({
  status, nextBillingDate: hours(24 * 10), cancelAtNextBillingDate: false, onHoldSince: null, ...extra,
});

describe("entitlementStateFor", () => {
  it("active grants open-ended access, or until the period end when cancelling at renewal", () => {
    expect(entitlementStateFor(sub("ACTIVE"), now, 72)).toEqual({ status: "ACTIVE", endsAt: null });
    expect(entitlementStateFor(sub("ACTIVE", { cancelAtNextBillingDate: true }), now, 72)).toEqual({ status: "ACTIVE", endsAt: hours(240) });
  });

  it("on hold and past due keep access for the grace period from the start of the hold", () => {
    expect(entitlementStateFor(sub("ON_HOLD", { onHoldSince: hours(-10) }), now, 72)).toEqual({ status: "GRACE", endsAt: hours(62) });
    expect(entitlementStateFor(sub("PAST_DUE", { onHoldSince: hours(-10) }), now, 72)).toEqual({ status: "GRACE", endsAt: hours(62) });
    expect(entitlementStateFor(sub("ON_HOLD", { onHoldSince: hours(-73) }), now, 72)).toEqual({ status: "SUSPENDED", endsAt: hours(-1) });
    expect(entitlementStateFor(sub("ON_HOLD", { onHoldSince: hours(-1) }), now, 0)).toMatchObject({ status: "SUSPENDED" });
  });

  it("cancelled and expired keep access to the end of the paid period", () => {
    expect(entitlementStateFor(sub("CANCELLED"), now, 72)).toEqual({ status: "ACTIVE", endsAt: hours(240) });
    expect(entitlementStateFor(sub("EXPIRED", { nextBillingDate: hours(-1) }), now, 72)).toEqual({ status: "ENDED", endsAt: hours(-1) });
  });

  it("pending grants nothing yet; paused suspends; failed ends", () => {
    expect(entitlementStateFor(sub("PENDING"), now, 72)).toBeNull();
    expect(entitlementStateFor(sub("PAUSED"), now, 72)).toEqual({ status: "SUSPENDED", endsAt: null });
    expect(entitlementStateFor(sub("FAILED"), now, 72)).toEqual({ status: "ENDED", endsAt: null });
  });
});

describe("paymentEntitlementStatus", () => {
  it("grants on success only and revokes on a full refund, not a partial one", () => {
    expect(paymentEntitlementStatus({ status: "SUCCEEDED", refundState: "NONE" })).toBe("ACTIVE");
    expect(paymentEntitlementStatus({ status: "SUCCEEDED", refundState: "PARTIAL" })).toBe("ACTIVE");
    expect(paymentEntitlementStatus({ status: "SUCCEEDED", refundState: "FULL" })).toBe("REVOKED");
    for (const status of ["PROCESSING", "FAILED", "CANCELLED", "REQUIRES_ACTION"] as const) {
      expect(paymentEntitlementStatus({ status, refundState: "NONE" })).toBeNull();
    }
  });
});

describe("effectiveStatus", () => {
  it("lapses active rows to ended and grace rows to suspended at endsAt", () => {
    expect(effectiveStatus({ status: "ACTIVE", endsAt: null }, now)).toBe("ACTIVE");
    expect(effectiveStatus({ status: "ACTIVE", endsAt: hours(1) }, now)).toBe("ACTIVE");
    expect(effectiveStatus({ status: "ACTIVE", endsAt: now }, now)).toBe("ENDED");
    expect(effectiveStatus({ status: "GRACE", endsAt: hours(-1) }, now)).toBe("SUSPENDED");
    expect(effectiveStatus({ status: "REVOKED", endsAt: null }, now)).toBe("REVOKED");
    expect(["ACTIVE", "GRACE", "SUSPENDED", "REVOKED", "ENDED"].filter((s) => grantsAccess(s as never))).toEqual(["ACTIVE", "GRACE"]);
  });
});
