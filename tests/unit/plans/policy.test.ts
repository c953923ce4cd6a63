// The merchant's policy service that the console calls.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updateLadderPolicy } from "@/lib/plans/ladder-admin";
import { worded } from "@/tests/support/words";

describe("updateLadderPolicy", () => {
  it("stores a valid policy, defaulting to Dodo's recommendation", async () => {
    const ladder = await db.planLadder.create({ data: { name: `policy-${randomUUID()}`, upgradeProration: "FULL_IMMEDIATELY" } });
    const result = await updateLadderPolicy(ladder.id, { downgradeTiming: "IMMEDIATELY", downgradeProration: "PRORATED_IMMEDIATELY", allowIntervalChange: "on" });
    expect(result).toEqual({ ok: true, policy: { upgradeProration: "DIFFERENCE_IMMEDIATELY", upgradeOnPaymentFailure: "PREVENT_CHANGE", downgradeTiming: "IMMEDIATELY", downgradeProration: "PRORATED_IMMEDIATELY", allowIntervalChange: true } });
    expect(await db.planLadder.findUniqueOrThrow({ where: { id: ladder.id } })).toMatchObject({ upgradeProration: "DIFFERENCE_IMMEDIATELY", downgradeTiming: "IMMEDIATELY", allowIntervalChange: true });
  });

  it("refuses downgrades that would charge the full new price, and unknown ladders", async () => {
    const ladder = await db.planLadder.create({ data: { name: `policy-${randomUUID()}` } });
    const refused = worded(await updateLadderPolicy(ladder.id, { downgradeProration: "FULL_IMMEDIATELY" }));
    expect(refused).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { downgradeProration: [expect.stringContaining("cannot charge")] } });
    expect(await updateLadderPolicy("missing", {})).toMatchObject({ ok: false, code: "not_found" });
  });
});
