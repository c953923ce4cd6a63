import { describe, expect, it } from "vitest";
import { encoreMetadata, readEncoreMetadata } from "@/lib/dodo/metadata";

describe("Encore metadata on Dodo objects", () => {
  it("writes our ids under their wire keys, leaving out the ones not given", () => {
    expect(encoreMetadata({ impressionId: "imp_1", chargeAttemptId: "att_1", planChangeId: undefined })).toEqual({
      encore_impression_id: "imp_1",
      encore_charge_attempt_id: "att_1",
    });
    expect(encoreMetadata({ planChangeId: "pc_1" })).toEqual({ encore_plan_change_id: "pc_1" });
    expect(encoreMetadata({ checkoutIntentId: "int_1" })).toEqual({ encore_checkout_intent_id: "int_1" });
  });

  it("reads them back from whatever Dodo or our mirror holds, ignoring anything else", () => {
    expect(readEncoreMetadata({ encore_plan_change_id: "pc_1", encore_impression_id: "", other: "x", encore_charge_attempt_id: 7 })).toEqual({ planChangeId: "pc_1" });
    expect(readEncoreMetadata(encoreMetadata({ impressionId: "imp_1", checkoutIntentId: "int_1" }))).toEqual({ impressionId: "imp_1", checkoutIntentId: "int_1" });
    for (const junk of [null, undefined, "text", 3, ["encore_impression_id"]]) expect(readEncoreMetadata(junk)).toEqual({});
  });
});
