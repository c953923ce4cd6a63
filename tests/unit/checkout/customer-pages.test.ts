// Pure pieces of what customers read: a payment's status with its refunds, a decline on the
// hosted-checkout return, a proration factor in words, and the pages a sign-in link may return to.
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/customer-session";
import { checkoutDeclineMessage } from "@/lib/checkout/failures";
import { paymentStatusLabel } from "@/lib/checkout/payment-label";
import { factorLabel } from "@/lib/plans/quote-view";

const paid = { status: "SUCCEEDED", totalAmount: 7920, currency: "USD", refundState: "NONE", refundedAmount: 0 } as const;

describe("paymentStatusLabel", () => {
  it("says what became of the money, refunds included", () => {
    expect(paymentStatusLabel(paid)).toBe("Paid");
    expect(paymentStatusLabel({ ...paid, refundState: "FULL", refundedAmount: 7920 })).toBe("Refunded");
    expect(paymentStatusLabel({ ...paid, refundState: "PARTIAL", refundedAmount: 1000 })).toBe("Paid · $10.00 refunded");
    expect(paymentStatusLabel({ ...paid, status: "PROCESSING" })).toBe("Processing");
    expect(paymentStatusLabel({ ...paid, status: "FAILED" })).toBe("Failed: nothing was charged");
  });
});

describe("checkoutDeclineMessage", () => {
  it("names insufficient funds, and never a hard decline's reason", () => {
    expect(checkoutDeclineMessage("INSUFFICIENT_FUNDS")).toMatch(/^Your card was declined for insufficient funds\./);
    expect(checkoutDeclineMessage("STOLEN_CARD")).toBe("Your bank declined this payment. Nothing was charged. You can try again with another card.");
    expect(checkoutDeclineMessage(null)).toBe(checkoutDeclineMessage("GENERIC_DECLINE"));
  });
});

describe("factorLabel", () => {
  it("puts Dodo's proration factor in words", () => {
    expect(factorLabel(1)).toBe("a full period");
    expect(factorLabel(0.6661)).toBe("the rest of this period (67%)");
    expect(factorLabel(0.001)).toBe("the rest of this period (1%)");
  });
});

describe("safeNextPath", () => {
  it("keeps only the store's own order and account pages", () => {
    expect(safeNextPath("/thank-you?order=abc")).toBe("/thank-you?order=abc");
    expect(safeNextPath("/account/plan")).toBe("/account/plan");
    for (const bad of ["//evil.example.com", "https://evil.example.com", "/merchant", "/\\evil", "", null, `/account/${"x".repeat(400)}`]) expect(safeNextPath(bad)).toBeNull();
  });
});
