import { describe, expect, it } from "vitest";
import { customerFailure } from "@/lib/checkout/failures";
import { AUTHENTICATION_WINDOW_MS, chargeView, checkoutFallbackAllowed } from "@/lib/checkout/outcome";

describe("customerFailure", () => {
  it("names soft reasons", () => {
    expect(customerFailure("INSUFFICIENT_FUNDS").message).toMatch(/insufficient funds/);
    expect(customerFailure("EXPIRED_CARD").kind).toBe("expired_card");
  });
  it.each(["STOLEN_CARD", "LOST_CARD", "PICKUP_CARD", "FRAUDULENT", "DO_NOT_HONOR", "CARD_DECLINED", null, "SOMETHING_NEW"])(
    "reads %s as a plain decline and never repeats a hard reason",
    (code) => {
      const failure = customerFailure(code);
      expect(failure.kind).toBe("declined");
      expect(failure.message).not.toMatch(/stolen|lost|pick|fraud/i);
      expect(failure.offerOtherCard).toBe(true);
    },
  );
});

describe("chargeView", () => {
  const at = new Date("2026-12-01T10:00:00Z");
  const attempt = (status: "PENDING" | "SUBMITTED" | "SUCCEEDED" | "FAILED" | "UNKNOWN", errorCode: string | null = null) => ({ status, errorCode, createdAt: at });

  it("maps attempt states to what the customer sees", () => {
    expect(chargeView(attempt("PENDING"))).toEqual({ status: "processing" });
    expect(chargeView(attempt("SUBMITTED"))).toEqual({ status: "processing" });
    expect(chargeView(attempt("SUCCEEDED"))).toEqual({ status: "succeeded" });
    expect(chargeView(attempt("FAILED", "CARD_DECLINED"))).toMatchObject({ status: "failed", kind: "declined" });
  });

  it("never reads an unanswered charge as not charged: UNKNOWN is confirming, with no fallback", () => {
    const view = chargeView(attempt("UNKNOWN", "PROVIDER_UNAVAILABLE"));
    expect(view).toEqual({ status: "confirming" });
    expect(checkoutFallbackAllowed(view)).toBe(false);
  });

  it("a charge waiting on the bank shows Dodo's link, or the fallback when Dodo gave none, and lapses after the window", () => {
    const waiting = { status: "REQUIRES_ACTION" as const, paymentLink: "https://dodo.example/auth/pay_1" };
    const soon = new Date(at.getTime() + 60_000);
    expect(chargeView(attempt("SUBMITTED"), waiting, soon)).toEqual({ status: "authenticate", url: waiting.paymentLink });
    expect(checkoutFallbackAllowed(chargeView(attempt("SUBMITTED"), waiting, soon))).toBe(false);
    const linkless = chargeView(attempt("SUBMITTED"), { ...waiting, paymentLink: null }, soon);
    expect(linkless).toEqual({ status: "authenticate", url: null });
    expect(checkoutFallbackAllowed(linkless)).toBe(true);
    const late = chargeView(attempt("SUBMITTED"), waiting, new Date(at.getTime() + AUTHENTICATION_WINDOW_MS + 1));
    expect(late).toMatchObject({ status: "failed", kind: "authentication_expired", message: expect.stringMatching(/not completed in time, so nothing was charged/) });
    expect(chargeView(attempt("SUBMITTED"), { status: "PROCESSING", paymentLink: null }, soon)).toEqual({ status: "processing" });
  });

  it("says why an authentication or a resolved charge failed, with the fallback", () => {
    for (const [code, kind, text] of [
      ["AUTHENTICATION_FAILURE", "authentication_failed", /could not confirm this payment, so nothing was charged/],
      ["AUTHENTICATION_REQUIRED", "authentication", /not confirmed, so nothing was charged/],
      ["NOT_CHARGED", "not_charged", /did not go through, so nothing was charged/],
      ["PAYMENT_CANCELLED", "cancelled", /not completed, so nothing was charged/],
    ] as const) {
      const view = chargeView(attempt("FAILED", code));
      expect(view).toMatchObject({ status: "failed", kind, message: expect.stringMatching(text), offerOtherCard: true });
      expect(checkoutFallbackAllowed(view)).toBe(true);
    }
    expect(checkoutFallbackAllowed(chargeView(attempt("SUCCEEDED")))).toBe(false);
    expect(checkoutFallbackAllowed(null)).toBe(true);
  });
});
