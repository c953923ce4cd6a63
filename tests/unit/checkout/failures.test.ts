import { describe, expect, it } from "vitest";
import { customerFailure } from "@/lib/checkout/failures";
import { chargeView } from "@/lib/checkout/outcome";

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
  it("maps attempt states to what the customer sees", () => {
    expect(chargeView({ status: "PENDING", errorCode: null })).toEqual({ status: "processing" });
    expect(chargeView({ status: "SUBMITTED", errorCode: null })).toEqual({ status: "processing" });
    expect(chargeView({ status: "SUCCEEDED", errorCode: null })).toEqual({ status: "succeeded" });
    expect(chargeView({ status: "FAILED", errorCode: "CARD_DECLINED" })).toMatchObject({ status: "failed", kind: "declined" });
    expect(chargeView({ status: "UNKNOWN", errorCode: null })).toMatchObject({ status: "failed", kind: "provider_unavailable", message: expect.stringMatching(/could not charge you/) });
  });
});
