import { describe, expect, it } from "vitest";
import { objectStateOf } from "@/lib/sync/objects";
import { InvalidPayloadError } from "@/lib/sync/payload-shapes";

describe("objectStateOf", () => {
  it("refuses a stored envelope without a type as unusable (REJECTED), instead of crashing the replay", () => {
    const envelope = { data: { payload_type: "Payment" } } as unknown as { type: string; data: Record<string, unknown> };
    expect(() => objectStateOf(envelope)).toThrow(InvalidPayloadError);
    expect(() => objectStateOf(envelope)).toThrow("the event has no type");
    // A payload stored as JSON null or a string.
    expect(() => objectStateOf(null as never)).toThrow(InvalidPayloadError);
    expect(() => objectStateOf("payment.succeeded" as never)).toThrow(InvalidPayloadError);
  });

  it("acts on nothing for a type outside the families it applies", () => {
    expect(objectStateOf({ type: "payout.succeeded", data: {} })).toBeNull();
  });

  it("refuses a payment payload that lacks what the apply steps read", () => {
    expect(() => objectStateOf({ type: "payment.succeeded", data: {} })).toThrow(InvalidPayloadError);
  });
});
