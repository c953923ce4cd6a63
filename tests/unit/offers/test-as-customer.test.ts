// "Test as a customer" against what the thank-you page then does: for each case, the preview's
// offer (and its reasons) must be the offer currentFunnelOffer shows first for the same purchase.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { currentFunnelOffer, startFunnelSession } from "@/lib/offers/funnel";
import { previewOffers } from "@/lib/offers/test-as-customer";
import type { Targeting } from "@/lib/offers/targeting";
import { seedCustomer, seedOffer, seedPayment, seedProduct, seedUpsellFunnel, uid } from "@/tests/support/seed";

type Ctx = Awaited<ReturnType<typeof setup>>;
type Case = {
  name: string;
  upsell?: { targeting?: Targeting; startsAt?: Date; endsAt?: Date };
  before?: (c: Ctx) => Promise<unknown>;
  country?: string | null;
  holdoutBps?: number;
  expect: "upsell" | "downsell" | null;
  /** Words the upsell's reason must contain when it is not shown. */
  upsellWhy?: RegExp;
};

async function setup(c: Case) {
  const course = await seedProduct({ price: 4900 });
  const upProduct = await seedProduct({ price: 9900 });
  const downProduct = await seedProduct({ price: 2900 });
  const upsell = await seedOffer(upProduct.id, { triggers: [course.id], name: "Upsell" });
  const downsell = await seedOffer(downProduct.id, { kind: "DOWNSELL", triggers: [course.id], name: "Downsell" });
  if (c.upsell) await db.offer.update({ where: { id: upsell.id }, data: { targeting: c.upsell.targeting, startsAt: c.upsell.startsAt, endsAt: c.upsell.endsAt } });
  const steps = await seedUpsellFunnel(upsell.id, downsell.id);
  if (c.holdoutBps) await db.funnelStep.update({ where: { id: steps.upsell.id }, data: { holdoutBps: c.holdoutBps } });
  const customer = await seedCustomer();
  return { course, upProduct, downProduct, upsell, downsell, steps, customer };
}

const day = 86_400_000;
const CASES: Case[] = [
  { name: "no targeting: the upsell", expect: "upsell" },
  { name: "targets returning customers, customer is new", upsell: { targeting: { match: "all", conditions: [{ kind: "customer", is: "returning" }] } }, expect: "downsell", upsellWhy: /returning customer/ },
  {
    name: "targets returning customers, customer paid before",
    upsell: { targeting: { match: "all", conditions: [{ kind: "customer", is: "returning" }] } },
    before: async (c) => {
      const old = await seedPayment(c.customer.id, (await seedProduct()).id);
      await db.payment.update({ where: { id: old.id }, data: { dodoCreatedAt: new Date(Date.now() - 30 * day) } });
    },
    expect: "upsell",
  },
  { name: "country not in the list", country: "DE", upsell: { targeting: { match: "all", conditions: [{ kind: "country", op: "in", countries: ["US"] }] } }, expect: "downsell", upsellWhy: /billing country in US/ },
  { name: "country OR returning: one is enough", country: "US", upsell: { targeting: { match: "any", conditions: [{ kind: "country", op: "in", countries: ["US"] }, { kind: "customer", is: "returning" }] } }, expect: "upsell" },
  { name: "order value above the range", upsell: { targeting: { match: "all", conditions: [{ kind: "order_value", currency: "USD", min: null, max: 3000 }] } }, expect: "downsell", upsellWhy: /order value at most \$30\.00/ },
  {
    name: "must own a product the customer does not own",
    before: async (c) => db.offer.update({ where: { id: c.upsell.id }, data: { targeting: { match: "all", conditions: [{ kind: "owns", productIds: [c.downProduct.id] }] } } }),
    expect: "downsell",
    upsellWhy: /owns /,
  },
  {
    name: "subscription status matches",
    before: async (c) => {
      const plan = await seedProduct({ kind: "SUBSCRIPTION", price: 1000 });
      const now = new Date();
      await db.subscription.create({ data: { id: uid("sub"), customerId: c.customer.id, productId: plan.id, quantity: 1, status: "PAUSED", recurringAmount: 1000, currency: "USD", nextBillingDate: now, previousBillingDate: now, sourceUpdatedAt: now, dodoCreatedAt: now } });
      await db.offer.update({ where: { id: c.upsell.id }, data: { targeting: { match: "all", conditions: [{ kind: "subscription", statuses: ["PAUSED"], planIds: [plan.id] }] } } });
    },
    expect: "upsell",
  },
  { name: "not started yet", upsell: { startsAt: new Date(Date.now() + day) }, expect: "downsell", upsellWhy: /start date/ },
  { name: "ended", upsell: { endsAt: new Date(Date.now() - day) }, expect: "downsell", upsellWhy: /end date/ },
  {
    name: "both products owned: nothing",
    before: async (c) => {
      for (const productId of [c.upProduct.id, c.downProduct.id]) {
        await db.entitlement.create({ data: { customerId: c.customer.id, productId, source: "PAYMENT", sourceId: uid("pay_owned"), status: "ACTIVE" } });
      }
    },
    expect: null,
    upsellWhy: /already owns/,
  },
  { name: "holdout: nothing", holdoutBps: 10_000, expect: null, upsellWhy: /holdout|not reached/ },
  {
    name: "upsell product already on offer elsewhere",
    before: async (c) => db.offerImpression.create({
      data: { customerId: c.customer.id, offerId: c.upsell.id, placement: "ACCOUNT", priceAmount: 9900, listPriceAmount: 9900, currency: "USD", expiresAt: new Date(Date.now() + 600_000) },
    }),
    expect: "downsell",
    upsellWhy: /already on offer/,
  },
];

describe("test as a customer", () => {
  it.each(CASES)("$name: the preview names the offer the thank-you page shows", async (c) => {
    const ctx = await setup(c);
    await c.before?.(ctx);
    const payment = await seedPayment(ctx.customer.id, ctx.course.id);
    if (c.country !== undefined) await db.payment.update({ where: { id: payment.id }, data: { billingCountry: c.country } });

    const result = await previewOffers({ customerId: ctx.customer.id, paymentId: payment.id });
    if (!result.ok) throw new Error(result.message);
    const { preview } = result;
    const expectedId = c.expect === "upsell" ? ctx.upsell.id : c.expect === "downsell" ? ctx.downsell.id : null;
    expect(preview.shown?.offerId ?? null).toBe(expectedId);
    if (c.upsellWhy) {
      const why = [...preview.path.filter((s) => s.offerId === ctx.upsell.id || s.result === "holdout").map((s) => s.why), ...preview.others.filter((o) => o.offerId === ctx.upsell.id).map((o) => o.why)].join(" | ");
      expect(why).toMatch(c.upsellWhy);
    }

    // What the thank-you page then does for the same purchase.
    const sessionId = await startFunnelSession({ customerId: ctx.customer.id, paymentId: payment.id, subscriptionId: null, productIds: [ctx.course.id], orderAmount: payment.totalAmount, currency: "USD" });
    const view = await currentFunnelOffer(sessionId!, ctx.customer);
    const impression = view.state === "offer" ? await db.offerImpression.findUniqueOrThrow({ where: { id: view.offer.impressionId } }) : null;
    expect(impression?.offerId ?? null).toBe(expectedId);
  });

  it("says when a purchase opens no funnel, and refuses another customer's payment", async () => {
    const customer = await seedCustomer();
    const payment = await seedPayment(customer.id, (await seedProduct()).id);
    const result = await previewOffers({ customerId: customer.id, paymentId: payment.id });
    expect(result.ok && result.preview.funnel).toBeNull();
    expect(result.ok && result.preview.summary).toMatch(/No funnel applies/);
    const stranger = await seedCustomer();
    expect(await previewOffers({ customerId: stranger.id, paymentId: payment.id })).toMatchObject({ ok: false, code: "not_found" });
  });
});
