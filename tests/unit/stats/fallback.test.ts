// An offer whose one-click charge failed and that the customer then bought through hosted checkout
// ("use another card") is an accept with revenue: in the counts, order value, lift, the daily
// roll-ups and after a refund. Everything reaches the database as Dodo's signed webhooks, through
// the sync engine, as in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rangeOf } from "@/lib/stats/range";
import { liveSlice, rangeSlice } from "@/lib/stats/rollup";
import { getStatsReport } from "@/lib/stats/service";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { customer, envelope, payment, refund, signed, startFakeDodo, uid, type CustomerRef } from "@/tests/support/dodo-objects";
import { createSession, dayIn, recordImpression, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

const send = async (type: string, data: unknown) => {
  const res = await handleDodoWebhook(signed(envelope(type, data)));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

let fakeDodo: Awaited<ReturnType<typeof startFakeDodo>>;
beforeAll(async () => {
  fakeDodo = await startFakeDodo({});
});
afterAll(() => fakeDodo.close());

async function fallbackScenario(year: number) {
  const product = await seedProduct({ price: 2500 });
  const offer = await seedOffer(product.id, { name: "Fallback" });
  const { funnel, steps } = await seedFunnel([{ offers: [[offer.id, 10_000]], holdoutBps: 5000 }]);
  const step = steps[0]!;
  const at = dayIn(year, 4, 2);
  const visit = async (cus: CustomerRef, holdout: boolean) => {
    const row = await db.customer.create({ data: { dodoCustomerId: cus.customer_id, email: cus.email } });
    const session = await createSession({ customerId: row.id, funnelId: funnel.id, orderAmount: 4000, at });
    const impression = await recordImpression({
      customerId: row.id, at, stepId: step.id, sessionId: session.id,
      ...(holdout ? { holdout: true } : { offerId: offer.id, variantId: step.variants[0]!.id, price: 2500 }),
    });
    return { customerId: row.id, impression };
  };
  const buyer = customer();
  const { customerId, impression } = await visit(buyer, false);
  const decliner = await visit(customer(), false);
  await db.offerDecision.create({ data: { impressionId: decliner.impression.id, outcome: "DECLINED" } });
  await visit(customer(), true);
  await visit(customer(), true);

  // One click on a card that fails off-session: the attempt's payment fails.
  const attempt = await db.chargeAttempt.create({ data: { impressionId: impression.id, customerId, amount: 2500, currency: "USD", status: "SUBMITTED" } });
  await send("payment.failed", payment({
    customer: buyer, status: "failed", total_amount: 2500, error_code: "CARD_DECLINED",
    checkout_session_id: uid("cks"), metadata: { encore_impression_id: impression.id, encore_charge_attempt_id: attempt.id },
  }));
  expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId: impression.id } })).toMatchObject({ outcome: "FAILED" });
  // "Use another card": a hosted checkout for the same impression, paid with a new card.
  const retry = payment({
    customer: buyer, total_amount: 2500, card_last_four: "4242", payment_method_id: uid("pm"),
    checkout_session_id: uid("cks"), product_cart: [{ product_id: product.id, quantity: 1 }],
    metadata: { encore_impression_id: impression.id, encore_checkout_intent_id: uid("int") },
  });
  await send("payment.succeeded", retry);
  return { offer, step, impression, retry, buyer, range: rangeOf(`${year}-04-02`, `${year}-04-02`) };
}

describe("offer stats: the 'use another card' fallback", () => {
  it("counts the retry's payment as the offer's revenue, order value and lift", async () => {
    const { offer, impression, retry, range } = await fallbackScenario(2014);
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId: impression.id } })).toMatchObject({ outcome: "ACCEPTED" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: retry.payment_id } })).toMatchObject({ impressionId: impression.id });

    const report = await getStatsReport(range);
    const line = report.lines.find((l) => l.offerId === offer.id && l.level === "offer")!;
    expect(line).toMatchObject({ impressions: 2, accepts: 1, declines: 1, failures: 0, takeRate: 0.5, revenue: [{ currency: "USD", amount: 2500 }] });
    // Visits: one took the offer (4000 + 2500), one declined (4000).
    expect(line.orderValue).toEqual([{ currency: "USD", withN: 1, with: 6500, withoutN: 1, without: 4000 }]);
    // Added per visit: exposed [2500, 0] vs holdout [0, 0].
    expect(line.lift[0]!.revenue!.difference.estimate).toBeCloseTo(1250, 6);
    expect(line.lift[0]!.conversion!.difference.estimate).toBeCloseTo(0.5, 6);
    expect(report.series[0]!.points).toEqual([{ bucket: "2014-04-02", amount: 2500 }]);
  });

  it("keeps the roll-up of a closed day equal to the live numbers, and a refund of the retry reaches it", async () => {
    const { offer, retry, buyer, range } = await fallbackScenario(2015);
    const revenue = async () => (await rangeSlice(range.from, range.to)).counts.filter((c) => c.offerId === offer.id && c.byCurrency).reduce((s, c) => s + c.revenue, 0);
    expect(await revenue()).toBe(2500);
    expect(await db.statsDay.count({ where: { day: range.from } })).toBe(1);

    await send("refund.succeeded", refund({ payment_id: retry.payment_id, customer: buyer, is_partial: true, amount: 1000 }));
    // The refund marks the impression's day through the payment's own impression (trigger).
    expect(await db.statsDirtyDay.count({ where: { day: range.from } })).toBe(1);
    expect(await revenue()).toBe(1500);
    const live = await liveSlice(range.from, range.to);
    expect(live.counts.filter((c) => c.offerId === offer.id && c.byCurrency).reduce((s, c) => s + c.revenue, 0)).toBe(1500);
  });
});
