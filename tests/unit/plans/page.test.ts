// The plan page's view model against the sandbox: ladder, processing → outcome through a sync,
// scheduled change, credit visible until used, and the upgrade offer exposed to the offer engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { planViews } from "@/lib/plans/plan-views";
import { changeInFlight } from "@/lib/plans/plan-change";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { keepCurrentPlan } from "@/lib/plans/scheduled";
import { upgradeOfferFor } from "@/lib/plans/upgrade-offer";
import { syncPayment } from "@/lib/sync/sync";
import { createLadder, moveIntoPeriod, renew, startPlansSandbox, subscribe, type PlansSandbox } from "@/tests/support/plans";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

async function change(customerId: string, subscriptionId: string, productId: string) {
  const preview = await previewPlanChange({ customerId, subscriptionId, productId }, { client: t.client });
  if (!preview.ok) throw new Error(preview.message);
  return confirmPlanChange({ customerId, token: preview.quote.token }, { client: t.client });
}

async function onlyView(customerId: string) {
  const views = await planViews(customerId, { client: t.client });
  expect(views).toHaveLength(1);
  return views[0]!;
}

describe("plan page", () => {
  it("lists the ladder in the merchant's order with price differences", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    const view = await onlyView(s.customerId);
    expect(view.current).toMatchObject({ name: "Basic", price: "$30.00/month", status: "active" });
    expect(view.options.map((o) => [o.name, o.actionLabel, o.difference])).toEqual([
      ["Starter", "Downgrade", "−$10.00/month"],
      // Monthly → yearly is a switch of billing, compared per month rather than price against price.
      ["Basic yearly", "Switch", "−$5.00/month on average"],
      ["Pro", "Upgrade", "+$50.00/month"],
    ]);
    expect(view.locked).toBeNull();
  });

  it("shows processing, then the declined outcome once a sync sees it (prevent_change)", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic, { card: "0341" });
    await change(s.customerId, s.subscriptionId, ladder.pro);
    const processing = await onlyView(s.customerId);
    expect(processing.processing).toEqual({ toName: "Pro" });
    expect(processing.locked).toContain("still processing");

    await t.control("POST", "/_sandbox/settle");
    const after = await onlyView(s.customerId); // syncs the in-flight change itself
    expect(after.processing).toBeNull();
    expect(after.current.name).toBe("Basic");
    expect(after.notice).toMatchObject({ tone: "error", fixCard: true });
    expect(after.notice?.text).toBe("Your change to Pro did not go through: your card was declined. Nothing changed; you are still on Basic.");
  });

  it("says how to fix the card when apply_change put the subscription on hold", async () => {
    const ladder = await createLadder(t, { upgradeOnPaymentFailure: "APPLY_CHANGE" });
    const s = await subscribe(t, ladder.basic, { card: "0341" });
    await change(s.customerId, s.subscriptionId, ladder.pro);
    await t.control("POST", "/_sandbox/settle");
    const view = await onlyView(s.customerId);
    expect(view.current).toMatchObject({ name: "Pro", status: "on hold" });
    expect(view.notice).toMatchObject({ tone: "warning", fixCard: true });
    expect(view.notice?.text).toContain("Update your card");
    expect(view.locked).not.toBeNull();
  });

  it("keeps syncing after an apply_change charge failed until the hold reaches us (it is its own webhook, and may come later)", async () => {
    const ladder = await createLadder(t, { upgradeOnPaymentFailure: "APPLY_CHANGE" });
    const s = await subscribe(t, ladder.basic, { card: "0341" });
    await change(s.customerId, s.subscriptionId, ladder.pro);
    await t.control("POST", "/_sandbox/settle");
    // payment.failed has arrived; subscription.on_hold has not.
    const { dodoPaymentId } = await db.planChange.findFirstOrThrow({ where: { subscriptionId: s.subscriptionId, status: "APPLIED" } });
    await syncPayment(dodoPaymentId!, { dodo: t.client });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } })).toMatchObject({ status: "ACTIVE" });
    const view = await onlyView(s.customerId);
    expect(view.current).toMatchObject({ name: "Pro", status: "on hold" });
    expect(view.notice?.text).toContain("Update your card");
  });

  it("judges an apply_change charge's wait by the subscription the page shows, not one read after it (a hold landing mid-render)", async () => {
    const ladder = await createLadder(t, { upgradeOnPaymentFailure: "APPLY_CHANGE" });
    const s = await subscribe(t, ladder.basic, { card: "0341" });
    await change(s.customerId, s.subscriptionId, ladder.pro);
    await t.control("POST", "/_sandbox/settle");
    const applied = await db.planChange.findFirstOrThrow({ where: { subscriptionId: s.subscriptionId, status: "APPLIED" } });
    await syncPayment(applied.dodoPaymentId!, { dodo: t.client });
    // The page read the subscription while it was still active; then the hold landed.
    await db.subscription.update({ where: { id: s.subscriptionId }, data: { status: "ON_HOLD" } });
    const now = new Date();
    expect((await changeInFlight(db, s.subscriptionId, now, { shown: { status: "ACTIVE" } }))?.id).toBe(applied.id);
    expect(await changeInFlight(db, s.subscriptionId, now)).toBeNull();
  });

  it("shows a scheduled downgrade until the customer keeps the current plan", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.pro);
    expect(await change(s.customerId, s.subscriptionId, ladder.starter)).toMatchObject({ ok: true, status: "SCHEDULED" });
    const view = await onlyView(s.customerId);
    expect(view.scheduled?.toName).toBe("Starter");
    expect(view.locked).toContain("scheduled");
    expect(await upgradeOfferFor(s.customerId)).toBeNull();
    await keepCurrentPlan({ customerId: s.customerId, subscriptionId: s.subscriptionId }, { client: t.client });
    expect((await onlyView(s.customerId)).scheduled).toBeNull();
  });

  it("explains a downgrade credit and shows it until renewals have used it", async () => {
    const ladder = await createLadder(t, { downgradeTiming: "IMMEDIATELY" });
    const s = await subscribe(t, ladder.pro);
    await moveIntoPeriod(t, s.subscriptionId, 0.5);
    await change(s.customerId, s.subscriptionId, ladder.starter);
    expect((await onlyView(s.customerId)).credit).toBe("$60.00 credit, applied to your next renewals: your next 3 renewals are free.");
    await renew(t, s.subscriptionId);
    expect((await onlyView(s.customerId)).credit).toBe("$40.00 credit, applied to your next renewals: your next 2 renewals are free.");
    await renew(t, s.subscriptionId);
    await renew(t, s.subscriptionId);
    expect((await onlyView(s.customerId)).credit).toBeNull();
  });
});

describe("upgrade offer for the offer engine", () => {
  it("offers the next plan up on the same interval, or the offer's own product", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    expect(await upgradeOfferFor(s.customerId)).toMatchObject({ toProductId: ladder.pro, toName: "Pro", difference: "+$50.00/month", href: `/account/plan?to=${ladder.pro}&origin=upgrade_offer` });
    expect(await upgradeOfferFor(s.customerId, ladder.basicYearly)).toMatchObject({ toProductId: ladder.basicYearly, difference: "−$5.00/month on average" });
    expect(await upgradeOfferFor(s.customerId, ladder.starter)).toBeNull();
  });
});
