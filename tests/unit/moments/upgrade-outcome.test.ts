// An UPGRADE offer shown in the app is answered by a plan change. Its outcome — known at once, or
// lost and learned later by the worker's resolver — is the offer's decision, and the change's
// payment is the offer's revenue in the stats, as with a one-click charge on the thank-you page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordMoment } from "@/lib/moments/report";
import { acceptUpgradeOffer, showMomentOffer } from "@/lib/moments/prompt";
import { declineOffer } from "@/lib/offers/decide";
import { expireStaleImpressions } from "@/lib/offers/impressions";
import { resolvePlanChange } from "@/lib/plans/resolve-change";
import { variantCounts } from "@/lib/stats/queries";
import { createLadder, settleAndSync, startPlansSandbox, subscribe, type PlansSandbox } from "@/tests/support/plans";
import { seedOffer, uid } from "@/tests/support/seed";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

/** A Basic subscriber at a live moment that an UPGRADE offer to Pro targets, shown the prompt. */
async function upgradeShown(opts: { card?: "0341" } = {}) {
  const ladder = await createLadder(t, { upgradeOnPaymentFailure: "PREVENT_CHANGE" });
  const s = await subscribe(t, ladder.basic, opts);
  const customer = await db.customer.findUniqueOrThrow({ where: { id: s.customerId }, select: { id: true, dodoCustomerId: true, email: true, name: true } });
  const name = `m_${uid()}`.toLowerCase();
  const offer = await seedOffer(ladder.pro, { kind: "UPGRADE", name: "Go Pro", triggers: [] });
  await db.offerMoment.create({ data: { offerId: offer.id, name, conditions: {} } });
  await recordMoment(db, { customerId: customer.id, name, properties: {}, source: "API", idempotencyKey: null, occurredAt: new Date() });
  const view = await showMomentOffer(customer, "IN_APP", new Date(), undefined, { client: t.client });
  if (view?.kind !== "upgrade") throw new Error("no upgrade shown");
  return { ladder, s, customer, offer, view };
}

const decisionOf = (impressionId: string) => db.offerDecision.findUnique({ where: { impressionId } });

async function statsOf(offerId: string, from: Date) {
  const rows = await variantCounts({ from, to: new Date(Date.now() + 60_000) });
  return {
    totals: rows.find((r) => r.offerId === offerId && !r.byCurrency),
    revenue: rows.filter((r) => r.offerId === offerId && r.byCurrency).map((r) => ({ currency: r.currency, revenue: r.revenue })),
  };
}

describe("an UPGRADE offer answered in the app", () => {
  it("change-plan's answer lost: no decision while UNKNOWN (not declinable, not expired); the resolver's APPLIED makes it ACCEPTED with the change's payment as revenue", async () => {
    const from = new Date(Date.now() - 1000);
    const { s, customer, offer, view } = await upgradeShown();
    const quote = await db.planChange.findFirstOrThrow({ where: { subscriptionId: s.subscriptionId, status: "QUOTED" } });
    expect(quote.impressionId).toBe(view.impressionId);

    // The sandbox carries the change out in full, then answers 502 instead of the result.
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /subscriptions/{id}/change-plan", lose_answer: 502, times: 1 });
    try {
      const answer = await acceptUpgradeOffer({ impressionId: view.impressionId, customerId: customer.id, token: view.quote.token }, { client: t.client });
      expect(answer).toMatchObject({ ok: true, status: "UNKNOWN" });
    } finally {
      await t.control("DELETE", "/_sandbox/faults");
    }
    expect(await db.planChange.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: "UNKNOWN", impressionId: view.impressionId });
    expect(await decisionOf(view.impressionId)).toBeNull();
    // The outcome is on its way: neither "No thanks" nor the offer window closes it meanwhile.
    expect(await declineOffer({ impressionId: view.impressionId, customerId: customer.id })).toMatchObject({ ok: false, code: "charge_started" });
    await expireStaleImpressions({ customerId: customer.id }, new Date(Date.now() + 24 * 3600_000));
    expect(await decisionOf(view.impressionId)).toBeNull();

    // The worker's resolver reads Dodo (the payment settles meanwhile) and finds the change applied.
    await t.control("POST", "/_sandbox/settle");
    const resolved = await resolvePlanChange(quote.id, { client: t.client });
    expect(resolved).toMatchObject({ kind: "settled", status: "APPLIED" });
    expect(await decisionOf(view.impressionId)).toMatchObject({ outcome: "ACCEPTED" });
    // The change's payment arrives (its webhook, here pulled as the webhook would): named by the
    // plan change in its metadata, it is the offer's revenue.
    await settleAndSync(t, s.subscriptionId);
    const change = await db.planChange.findUniqueOrThrow({ where: { id: quote.id } });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: change.dodoPaymentId! } });
    expect(payment).toMatchObject({ status: "SUCCEEDED", impressionId: view.impressionId });

    const stats = await statsOf(offer.id, from);
    expect(stats.totals).toMatchObject({ impressions: 1, accepts: 1, declines: 0, failures: 0, expiries: 0 });
    expect(stats.revenue).toEqual([{ currency: payment.currency, revenue: payment.totalAmount }]);
  });

  it("answered at once: ACCEPTED once Dodo applies it; a declined charge (prevent_change) makes the offer FAILED, with no revenue", async () => {
    const from = new Date(Date.now() - 1000);
    const { s, customer, offer, view } = await upgradeShown();
    expect(await acceptUpgradeOffer({ impressionId: view.impressionId, customerId: customer.id, token: view.quote.token }, { client: t.client })).toMatchObject({ ok: true });
    await settleAndSync(t, s.subscriptionId);
    expect(await db.planChange.findFirstOrThrow({ where: { impressionId: view.impressionId, status: { not: "QUOTED" } } })).toMatchObject({ status: "APPLIED" });
    expect(await decisionOf(view.impressionId)).toMatchObject({ outcome: "ACCEPTED" });
    expect((await statsOf(offer.id, from)).totals).toMatchObject({ impressions: 1, accepts: 1 });

    const declined = await upgradeShown({ card: "0341" });
    expect(await acceptUpgradeOffer({ impressionId: declined.view.impressionId, customerId: declined.customer.id, token: declined.view.quote.token }, { client: t.client })).toMatchObject({ ok: true, status: "SUBMITTED" });
    expect(await decisionOf(declined.view.impressionId)).toBeNull();
    await settleAndSync(t, declined.s.subscriptionId);
    expect(await db.planChange.findFirstOrThrow({ where: { impressionId: declined.view.impressionId, status: { not: "QUOTED" } } })).toMatchObject({ status: "FAILED", errorCode: "CARD_DECLINED" });
    expect(await decisionOf(declined.view.impressionId)).toMatchObject({ outcome: "FAILED" });
    const stats = await statsOf(declined.offer.id, from);
    expect(stats.totals).toMatchObject({ impressions: 1, accepts: 0, failures: 1 });
    expect(stats.revenue).toEqual([]);
  });

  it("the customer's next page shows the same open offer with its quote, without asking Dodo again, until the quote nears its end", async () => {
    const { customer, view } = await upgradeShown();
    const again = await showMomentOffer(customer, "IN_APP", new Date(), undefined, { client: t.client });
    expect(again).toMatchObject({ kind: "upgrade", impressionId: view.impressionId, quote: { token: view.quote.token, chargeNow: view.quote.chargeNow } });
    expect(await db.planChange.count({ where: { impressionId: view.impressionId } })).toBe(1);
    // Less than five of its ten minutes left: Dodo previews the change afresh for the same impression.
    await db.planChange.updateMany({ where: { impressionId: view.impressionId }, data: { createdAt: new Date(Date.now() - 6 * 60_000) } });
    const fresh = await showMomentOffer(customer, "IN_APP", new Date(), undefined, { client: t.client });
    expect(fresh).toMatchObject({ kind: "upgrade", impressionId: view.impressionId });
    expect(fresh?.kind === "upgrade" && fresh.quote.token).not.toBe(view.quote.token);
    expect(await db.planChange.count({ where: { impressionId: view.impressionId } })).toBe(2);
    // The reused quote still confirms.
    const answer = await acceptUpgradeOffer({ impressionId: view.impressionId, customerId: customer.id, token: (again as { quote: { token: string } }).quote.token }, { client: t.client });
    expect(answer).toMatchObject({ ok: true });
  });
});
