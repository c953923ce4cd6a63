// Pure convergence rules and signature verification (no database).
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { familyOf } from "@/lib/sync/objects";
import {
  disputeStatusRank, parseMinorAmount, paymentStatusFrom, refundStatusRank, refundTotals, subscriptionStatusFrom, supersedes, versionOf,
} from "@/lib/sync/rules";
import { verifyDodoWebhook } from "@/lib/webhooks/verify";

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe("supersedes", () => {
  it("orders by version, and by rank on a tie", () => {
    expect(supersedes({ version: t(2), rank: 0 }, null)).toBe(true);
    expect(supersedes({ version: t(2), rank: 0 }, { version: t(1), rank: 1 })).toBe(true);
    expect(supersedes({ version: t(1), rank: 1 }, { version: t(2), rank: 0 })).toBe(false);
    expect(supersedes({ version: t(1), rank: 1 }, { version: t(1), rank: 0 })).toBe(true);
    expect(supersedes({ version: t(1), rank: 0 }, { version: t(1), rank: 1 })).toBe(false);
    expect(supersedes({ version: t(1), rank: 1 }, { version: t(1), rank: 1 })).toBe(true);
  });

  it("takes Dodo's updated_at as the version when present and valid", () => {
    expect(versionOf("2026-01-01T00:00:05Z", t(9))).toEqual(t(5));
    expect(versionOf(null, t(9))).toEqual(t(9));
    expect(versionOf("garbage", t(9))).toEqual(t(9));
  });
});

describe("status mapping", () => {
  it("maps every Dodo status", () => {
    expect(paymentStatusFrom("succeeded")).toBe("SUCCEEDED");
    expect(paymentStatusFrom("requires_customer_action")).toBe("REQUIRES_ACTION");
    expect(paymentStatusFrom("partially_captured")).toBe("PROCESSING");
    expect(paymentStatusFrom(null)).toBe("PROCESSING");
    expect(subscriptionStatusFrom("past_due")).toBe("PAST_DUE");
    expect(() => subscriptionStatusFrom("weird" as never)).toThrow(/unknown subscription status/);
    expect(refundStatusRank("succeeded")).toBeGreaterThan(refundStatusRank("pending"));
    expect(disputeStatusRank("dispute_won")).toBeGreaterThan(disputeStatusRank("dispute_challenged"));
    expect(disputeStatusRank("dispute_challenged")).toBeGreaterThan(disputeStatusRank("dispute_opened"));
  });

  it("routes event types to the families Encore acts on", () => {
    expect(familyOf("payment.succeeded")).toBe("payment");
    expect(familyOf("subscription.plan_changed")).toBe("subscription");
    expect(familyOf("refund.failed")).toBe("refund");
    expect(familyOf("dispute.lost")).toBe("dispute");
    expect(familyOf("payout.created")).toBeNull();
    expect(familyOf("paymentx.succeeded")).toBeNull();
  });
});

describe("refundTotals", () => {
  it("sums succeeded refunds and decides partial vs full", () => {
    expect(refundTotals(5000, [])).toEqual({ refundedAmount: 0, refundState: "NONE" });
    expect(refundTotals(5000, [{ amount: 1000, isPartial: true, status: "succeeded" }])).toEqual({ refundedAmount: 1000, refundState: "PARTIAL" });
    expect(refundTotals(5000, [{ amount: 1000, isPartial: true, status: "pending" }, { amount: 900, isPartial: true, status: "failed" }])).toEqual({ refundedAmount: 0, refundState: "NONE" });
    expect(refundTotals(5000, [{ amount: 2500, isPartial: true, status: "succeeded" }, { amount: 2500, isPartial: true, status: "succeeded" }])).toEqual({ refundedAmount: 5000, refundState: "FULL" });
    expect(refundTotals(5000, [{ amount: 4000, isPartial: false, status: "succeeded" }])).toEqual({ refundedAmount: 4000, refundState: "FULL" });
  });

  it("parses dispute amounts", () => {
    expect(parseMinorAmount("4900")).toBe(4900);
    expect(parseMinorAmount("49.00")).toBe(4900);
    expect(() => parseMinorAmount("abc")).toThrow();
  });
});

describe("verifyDodoWebhook", () => {
  const secret = "whsec_dGVzdC1zZWNyZXQtZm9yLXZlcmlmeS0wMTIzNDU2Nzg5";
  const sign = (body: string, id = "msg_1", at = new Date()) => ({
    "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, at, body),
  });
  const body = JSON.stringify({ type: "payment.succeeded", timestamp: "2026-01-01T00:00:00.000Z", data: { payment_id: "pay_1" } });

  it("accepts a valid signature with any header casing and returns the envelope", () => {
    const headers = Object.fromEntries(Object.entries(sign(body)).map(([k, v]) => [k.toUpperCase(), v]));
    const result = verifyDodoWebhook(body, headers, secret);
    expect(result).toMatchObject({ ok: true, event: { webhookId: "msg_1", type: "payment.succeeded", occurredAt: new Date("2026-01-01T00:00:00.000Z") } });
  });

  it("rejects wrong secrets, replays under another id, and stale or future timestamps", () => {
    expect(verifyDodoWebhook(body, sign(body), "whsec_b3RoZXItc2VjcmV0LW5vdC1vdXJzLTAxMjM0NTY3ODk=")).toMatchObject({ ok: false, status: 401 });
    expect(verifyDodoWebhook(body, { ...sign(body), "webhook-id": "msg_2" }, secret)).toMatchObject({ ok: false, status: 401 });
    expect(verifyDodoWebhook(body, sign(body, "msg_1", new Date(Date.now() - 301_000)), secret)).toMatchObject({ ok: false, status: 401, error: "Message timestamp too old" });
    expect(verifyDodoWebhook(body, sign(body, "msg_1", new Date(Date.now() + 301_000)), secret)).toMatchObject({ ok: false, status: 401, error: "Message timestamp too new" });
  });

  it("answers 400 to signed bodies that are not envelopes, and falls back to the header timestamp", () => {
    expect(verifyDodoWebhook("[1,2]", sign("[1,2]"), secret)).toMatchObject({ ok: false, status: 400 });
    expect(verifyDodoWebhook("not json", sign("not json"), secret)).toMatchObject({ ok: false, status: 400 });
    const noTs = JSON.stringify({ type: "payout.created", data: {} });
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    expect(verifyDodoWebhook(noTs, sign(noTs, "msg_3", at), secret)).toMatchObject({ ok: true, event: { occurredAt: at } });
  });
});
