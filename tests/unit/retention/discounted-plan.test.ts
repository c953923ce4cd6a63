// The DISCOUNTED_PLAN save offer against a private sandbox: a Dodo discount code made once per
// offer, plan and terms (restricted to the plan, subscription_cycles = the offer's cycles), sent
// with change-plan after Dodo's preview with it; the current plan's discount-only change (refused by
// the sandbox's strict default, applied with its switch and settled from the subscription's
// discounts); a lost answer resolved like any plan change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resolvePlanChange } from "@/lib/plans/resolve-change";
import { confirmSavePlan, previewSavePlan, startCancel } from "@/lib/retention/flow";
import { saveSaveOffer } from "@/lib/retention/save-offers";
import { createLadder, settleAndSync, startPlansSandbox, subscribe, type PlansSandbox, type TestLadder } from "@/tests/support/plans";
import { worded } from "@/tests/support/words";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

const deps = () => ({ client: t.client });

async function ladderWithDiscount(target: keyof Omit<TestLadder, "ladder"> | null, percent: string, cycles: string, policy: Parameters<typeof createLadder>[1] = {}) {
  const ladder = await createLadder(t, policy);
  const saved = await saveSaveOffer(ladder.ladder.id, { reason: "TOO_EXPENSIVE", kind: "DISCOUNTED_PLAN", targetProductId: target ? ladder[target] : "", discountPercent: percent, discountCycles: cycles, headline: "" });
  if (!saved.ok) throw new Error(saved.message);
  return ladder;
}

async function start(customerId: string, subscriptionId: string) {
  const started = await startCancel({ customerId, subscriptionId, reason: "TOO_EXPENSIVE" }, deps());
  if (!started.ok) throw new Error(started.message);
  return started;
}

describe("the merchant's discounted-plan offer", () => {
  it("is stored with its percentage and cycles; a discounted plan without cycles or percentage is refused per field", async () => {
    const ladder = await createLadder(t);
    expect(worded(await saveSaveOffer(ladder.ladder.id, { reason: "TOO_EXPENSIVE", kind: "DISCOUNTED_PLAN", targetProductId: "", discountPercent: "", discountCycles: "", headline: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { discountPercent: ["Say how much off, e.g. 20"], discountCycles: ["Say for how many billing cycles the discount lasts"] },
    });
    expect(await saveSaveOffer(ladder.ladder.id, { reason: "TOO_EXPENSIVE", kind: "DISCOUNTED_PLAN", targetProductId: ladder.starter, discountPercent: "25", discountCycles: "3", headline: "" })).toMatchObject({ ok: true });
    expect(await db.saveOffer.findFirst({ where: { ladderId: ladder.ladder.id } })).toMatchObject({ kind: "DISCOUNTED_PLAN", targetProductId: ladder.starter, discountBps: 2500, discountCycles: 3, pauseCycles: null });
  });
});

describe("another plan at a discount", () => {
  it("previews with the code, confirms in one click, and the subscription carries the discount; renewals are discounted for the cycles", async () => {
    const ladder = await ladderWithDiscount("basic", "50", "2", { downgradeTiming: "IMMEDIATELY", downgradeProration: "DO_NOT_BILL" });
    const s = await subscribe(t, ladder.pro);
    const started = await start(s.customerId, s.subscriptionId);
    expect(started.offer).toMatchObject({ kind: "DISCOUNTED_PLAN", headline: "Stay for 50% less: Basic at 50% off for 2 billing periods", actionLabel: "Get 50% off: see the price" });

    const preview = await previewSavePlan({ customerId: s.customerId, attemptId: started.attemptId }, deps());
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.quote).toMatchObject({ chargeNow: "$0.00", discount: "50% off for 2 billing periods: you pay $15.00/month for your next 2 renewals, then $30.00/month." });
    // The code Encore made: the offer's percentage, restricted to Basic, for its cycles; kept for reuse.
    const kept = await db.saveOfferDiscount.findMany({ where: { saveOffer: { ladderId: ladder.ladder.id } } });
    expect(kept).toHaveLength(1);
    expect(await t.client.discounts.retrieve(kept[0]!.dodoDiscountId)).toMatchObject({ type: "percentage", amount: 5000, restricted_to: [ladder.basic], subscription_cycles: 2, code: kept[0]!.code });

    const confirmed = await confirmSavePlan({ customerId: s.customerId, attemptId: started.attemptId, token: preview.quote.token }, deps());
    expect(confirmed).toMatchObject({ ok: true, confirming: false });
    await settleAndSync(t, s.subscriptionId);
    const sub = await t.client.subscriptions.retrieve(s.subscriptionId);
    expect(sub.product_id).toBe(ladder.basic);
    expect(sub.discounts).toMatchObject([{ discount_id: kept[0]!.dodoDiscountId, cycles_remaining: 2 }]);
    expect(await db.subscription.findUnique({ where: { id: s.subscriptionId }, select: { discountIds: true } })).toEqual({ discountIds: [kept[0]!.dodoDiscountId] });
    const attempt = await db.cancelAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(attempt.status).toBe("SAVED");
    expect(await db.planChange.findUnique({ where: { id: attempt.planChangeId! } })).toMatchObject({ status: "APPLIED", toProductId: ladder.basic, dodoDiscountId: kept[0]!.dodoDiscountId });

    // A second subscriber of the same offer reuses the code.
    const other = await subscribe(t, ladder.pro);
    const again = await start(other.customerId, other.subscriptionId);
    expect(await previewSavePlan({ customerId: other.customerId, attemptId: again.attemptId }, deps())).toMatchObject({ ok: true });
    expect(await db.saveOfferDiscount.count({ where: { saveOffer: { ladderId: ladder.ladder.id } } })).toBe(1);
  });

  it("a code Dodo no longer accepts is Dodo's refusal: nothing changes and the attempt stays open", async () => {
    const ladder = await ladderWithDiscount("basic", "20", "1", { downgradeTiming: "IMMEDIATELY", downgradeProration: "DO_NOT_BILL" });
    const s = await subscribe(t, ladder.pro);
    const started = await start(s.customerId, s.subscriptionId);
    const preview = await previewSavePlan({ customerId: s.customerId, attemptId: started.attemptId }, deps());
    if (!preview.ok) throw new Error(preview.message);
    const kept = await db.saveOfferDiscount.findFirstOrThrow({ where: { saveOffer: { ladderId: ladder.ladder.id } } });
    await t.client.discounts.update(kept.dodoDiscountId, { expires_at: new Date(Date.now() - 60_000).toISOString() });
    const confirmed = await confirmSavePlan({ customerId: s.customerId, attemptId: started.attemptId, token: preview.quote.token }, deps());
    expect(confirmed).toMatchObject({ ok: false, code: "rejected" });
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).product_id).toBe(ladder.pro);
    expect(await db.cancelAttempt.findUniqueOrThrow({ where: { id: started.attemptId } })).toMatchObject({ status: "OPEN" });
  });

  it("a change-plan whose answer is lost is UNKNOWN, never sent again, and the resolver finds it applied", async () => {
    const ladder = await ladderWithDiscount("basic", "50", "2", { downgradeTiming: "IMMEDIATELY", downgradeProration: "DO_NOT_BILL" });
    const s = await subscribe(t, ladder.pro);
    const started = await start(s.customerId, s.subscriptionId);
    const preview = await previewSavePlan({ customerId: s.customerId, attemptId: started.attemptId }, deps());
    if (!preview.ok) throw new Error(preview.message);
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /subscriptions/{id}/change-plan", lose_answer: 502, times: 1 });
    const confirmed = await confirmSavePlan({ customerId: s.customerId, attemptId: started.attemptId, token: preview.quote.token }, deps());
    expect(confirmed).toMatchObject({ ok: true, confirming: true });
    const attempt = await db.cancelAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(await db.planChange.findUnique({ where: { id: attempt.planChangeId! } })).toMatchObject({ status: "UNKNOWN" });
    expect(await resolvePlanChange(attempt.planChangeId!, { client: t.client })).toMatchObject({ kind: "settled", status: "APPLIED" });
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).discounts).toHaveLength(1);
  });
});

describe("the subscriber's own plan at a discount", () => {
  it("is refused by the sandbox's strict reading (UNCONFIRMED): the customer is told, nothing changes, cancelling stays open", async () => {
    const ladder = await ladderWithDiscount(null, "20", "3");
    const s = await subscribe(t, ladder.basic);
    const started = await start(s.customerId, s.subscriptionId);
    expect(started.offer).toMatchObject({ kind: "DISCOUNTED_PLAN", headline: "Stay for 20% less: your Basic plan at 20% off for 3 billing periods" });
    expect(await previewSavePlan({ customerId: s.customerId, attemptId: started.attemptId }, deps())).toMatchObject({ ok: false, code: "rejected" });
    expect(await db.cancelAttempt.findUniqueOrThrow({ where: { id: started.attemptId } })).toMatchObject({ status: "OPEN" });
  });

  it("with the switch on: prorated over the rest of the period (a credit, never a charge), applied once the subscription carries the discount", async () => {
    await t.control("POST", "/_sandbox/settings", { same_plan_discount_change: "accept" });
    try {
      const ladder = await ladderWithDiscount(null, "20", "3");
      const s = await subscribe(t, ladder.basic);
      const started = await start(s.customerId, s.subscriptionId);
      const preview = await previewSavePlan({ customerId: s.customerId, attemptId: started.attemptId }, deps());
      if (!preview.ok) throw new Error(preview.message);
      expect(preview.quote.chargeNow).toBe("$0.00");
      expect(preview.quote.discount).toBe("20% off for 3 billing periods: you pay $24.00/month for your next 3 renewals, then $30.00/month.");
      const confirmed = await confirmSavePlan({ customerId: s.customerId, attemptId: started.attemptId, token: preview.quote.token }, deps());
      expect(confirmed).toMatchObject({ ok: true });
      const attempt = await db.cancelAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
      expect(await db.planChange.findUnique({ where: { id: attempt.planChangeId! } })).toMatchObject({ status: "APPLIED", fromProductId: ladder.basic, toProductId: ladder.basic, prorationMode: "PRORATED_IMMEDIATELY" });
      expect((await t.client.subscriptions.retrieve(s.subscriptionId)).discounts).toMatchObject([{ cycles_remaining: 3 }]);
    } finally {
      await t.control("POST", "/_sandbox/settings", { same_plan_discount_change: "reject" });
    }
  });
});
