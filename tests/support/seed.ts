// Rows seeded straight into the app's database for unit tests: products, customers, offers,
// funnels, payments, impressions and charge attempts, alone or as whole offer-stats scenarios.
// Every id is fresh (ids.ts), so test files never see each other's rows.
import { db } from "@/lib/db/client";
import type { DecisionOutcome, OfferKind, ProductKind } from "@/lib/generated/prisma/enums";
import { uid } from "./ids";

export { uid };

export type ProductSeed = { price?: number; currency?: string; kind?: ProductKind; name?: string; ladderId?: string; planRank?: number };

/** A product mirror row: one-time $49.00 unless told otherwise; plans bill monthly. */
export async function seedProduct(opts: ProductSeed = {}) {
  const id = uid("pdt");
  const kind = opts.kind ?? "ONE_TIME";
  return db.product.create({
    data: {
      id,
      name: opts.name ?? `Product ${id}`,
      kind,
      priceAmount: opts.price ?? 4900,
      currency: opts.currency ?? "USD",
      billingInterval: kind === "SUBSCRIPTION" ? "MONTH" : null,
      billingIntervalCount: kind === "SUBSCRIPTION" ? 1 : null,
      ladderId: opts.ladderId ?? null,
      planRank: opts.planRank ?? null,
    },
  });
}

/** seedProduct, for tests that only need the id (Dodo payloads name products by id). */
export async function seedProductId(kind: ProductKind = "ONE_TIME", opts: Omit<ProductSeed, "kind"> = {}): Promise<string> {
  return (await seedProduct({ ...opts, kind })).id;
}

export async function seedCustomer() {
  return db.customer.create({ data: { dodoCustomerId: uid("cus"), email: `${uid("c")}@example.com` } });
}

/**
 * An offer. Without `triggers` it is triggered by a product id nobody buys: offers without
 * triggers make catch-all funnels, which would take every other test file's purchases in the
 * shared database. Pass `triggers: []` for a deliberate catch-all.
 */
export async function seedOffer(offeredProductId: string, opts: { name?: string; kind?: OfferKind; triggers?: string[]; discountBps?: number; minOrderAmount?: number } = {}) {
  return db.offer.create({
    data: {
      name: `${opts.name ?? "Offer"} ${uid("o")}`,
      kind: opts.kind ?? "UPSELL",
      offeredProductId,
      triggerProductIds: opts.triggers ?? [uid("pdt_never_bought")],
      discountBps: opts.discountBps ?? 0,
      minOrderAmount: opts.minOrderAmount ?? null,
      headline: opts.name ?? "Add this",
    },
  });
}

/** Funnel: upsell → (decline or failed payment) downsell; accepting either ends it. */
export async function seedUpsellFunnel(upsellOfferId: string, downsellOfferId: string) {
  const funnel = await db.funnel.create({ data: { name: uid("funnel") } });
  const downsell = await db.funnelStep.create({ data: { funnelId: funnel.id, position: 2, name: "downsell", variants: { create: { offerId: downsellOfferId } } } });
  const upsell = await db.funnelStep.create({
    data: { funnelId: funnel.id, position: 1, name: "upsell", onDeclineStepId: downsell.id, onFailStepId: downsell.id, variants: { create: { offerId: upsellOfferId } } },
  });
  await db.funnel.update({ where: { id: funnel.id }, data: { entryStepId: upsell.id } });
  return { funnel, upsell, downsell };
}

/** A funnel with one step per entry of `steps` (each a list of [offerId, weightBps]) and a holdout share. */
export async function seedFunnel(steps: { offers: [string, number][]; holdoutBps?: number }[]) {
  const funnel = await db.funnel.create({ data: { name: uid("Funnel") } });
  const created = [];
  for (const [i, s] of steps.entries()) {
    const step = await db.funnelStep.create({
      data: {
        funnelId: funnel.id,
        position: i + 1,
        name: `Step ${i + 1}`,
        holdoutBps: s.holdoutBps ?? 0,
        variants: { create: s.offers.map(([offerId, weightBps], j) => ({ offerId, weightBps, label: "ABCD"[j]! })) },
      },
      include: { variants: { orderBy: { label: "asc" } } },
    });
    created.push(step);
  }
  await db.funnel.update({ where: { id: funnel.id }, data: { entryStepId: created[0]!.id } });
  return { funnel, steps: created };
}

export async function seedPayment(customerId: string, productId: string, amount = 4900) {
  const now = new Date();
  return db.payment.create({
    data: {
      id: uid("pay"), customerId, status: "SUCCEEDED", totalAmount: amount, currency: "USD",
      productCart: [{ productId, quantity: 1 }], paymentMethodId: uid("pm"), cardLast4: "4242", cardNetwork: "visa",
      dodoCreatedAt: now, sourceUpdatedAt: now,
    },
  });
}

/** An impression ready for one click (as the funnel would record it). */
export async function seedImpression(customerId: string, opts: { expiresInMs?: number; paymentMethodId?: string | null } = {}) {
  const product = await seedProduct({ price: 1900 });
  const offer = await seedOffer(product.id);
  await seedPayment(customerId, (await seedProduct()).id);
  const impression = await db.offerImpression.create({
    data: {
      customerId, offerId: offer.id, placement: "ACCOUNT", priceAmount: 1900, listPriceAmount: 1900, currency: "USD",
      paymentMethodId: opts.paymentMethodId === undefined ? uid("pm") : opts.paymentMethodId,
      expiresAt: new Date(Date.now() + (opts.expiresInMs ?? 600_000)),
    },
  });
  return { impression, product, offer };
}

/** An offer impression with its one-click charge attempt, as the app writes them before calling Dodo. */
export async function seedChargeAttempt(cus: { customer_id: string; email: string; name: string }, opts: { checkoutSessionId?: string } = {}) {
  const row = await db.customer.upsert({
    where: { dodoCustomerId: cus.customer_id },
    create: { dodoCustomerId: cus.customer_id, email: cus.email, name: cus.name },
    update: {},
  });
  const impression = await db.offerImpression.create({
    data: { customerId: row.id, placement: "THANK_YOU", priceAmount: 4900, listPriceAmount: 4900, currency: "USD", expiresAt: new Date(Date.now() + 900_000) },
  });
  const attempt = await db.chargeAttempt.create({
    data: {
      impressionId: impression.id,
      customerId: row.id,
      amount: 4900,
      currency: "USD",
      status: "SUBMITTED",
      dodoCheckoutSessionId: opts.checkoutSessionId ?? null,
    },
  });
  return { impressionId: impression.id, attemptId: attempt.id, customerId: row.id };
}

// ── Offer-stats scenarios: sessions and impressions with their decision, attempt, payment, refund.

export async function createSession(opts: { customerId: string; funnelId: string; orderAmount: number; currency?: string; at: Date }) {
  return db.funnelSession.create({
    data: { customerId: opts.customerId, funnelId: opts.funnelId, orderAmount: opts.orderAmount, currency: opts.currency ?? "USD", startedAt: opts.at, expiresAt: new Date(opts.at.getTime() + 900_000) },
  });
}
type ImpressionSpec = {
  customerId: string;
  at: Date;
  offerId?: string | null;
  stepId?: string | null;
  variantId?: string | null;
  sessionId?: string | null;
  holdout?: boolean;
  price?: number;
  currency?: string;
  outcome?: DecisionOutcome | null;
  /** A payment for the charge: status and amount (defaults to the price). */
  payment?: { status: "SUCCEEDED" | "FAILED"; amount?: number; currency?: string; refunded?: number };
  expiresAt?: Date;
};

/** One impression with its decision, charge attempt, payment and refund, as the webhook handler leaves them. */
export async function recordImpression(spec: ImpressionSpec) {
  const price = spec.price ?? 1000;
  const currency = spec.currency ?? "USD";
  const impression = await db.offerImpression.create({
    data: {
      customerId: spec.customerId,
      offerId: spec.offerId ?? null,
      stepId: spec.stepId ?? null,
      variantId: spec.variantId ?? null,
      funnelSessionId: spec.sessionId ?? null,
      placement: "THANK_YOU",
      holdout: spec.holdout ?? false,
      priceAmount: spec.holdout ? 0 : price,
      listPriceAmount: spec.holdout ? 0 : price,
      currency,
      expiresAt: spec.expiresAt ?? new Date(spec.at.getTime() + 900_000),
      shownAt: spec.at,
    },
  });
  if (spec.outcome) await db.offerDecision.create({ data: { impressionId: impression.id, outcome: spec.outcome, decidedAt: spec.at } });
  if (spec.payment) {
    const paymentId = uid("pay");
    const amount = spec.payment.amount ?? price;
    const refunded = spec.payment.refunded ?? 0;
    await db.payment.create({
      data: {
        id: paymentId, customerId: spec.customerId, impressionId: impression.id, status: spec.payment.status, totalAmount: amount, currency: spec.payment.currency ?? currency,
        refundedAmount: refunded, refundState: refunded === 0 ? "NONE" : refunded >= amount ? "FULL" : "PARTIAL",
        dodoCreatedAt: spec.at, sourceUpdatedAt: spec.at,
      },
    });
    if (refunded > 0) {
      await db.refund.create({ data: { id: uid("ref"), paymentId, amount: refunded, currency: spec.payment.currency ?? currency, status: "succeeded", isPartial: refunded < amount, dodoCreatedAt: spec.at } });
    }
    await db.chargeAttempt.create({
      data: { impressionId: impression.id, customerId: spec.customerId, amount, currency, status: spec.payment.status, dodoPaymentId: paymentId },
    });
  }
  return impression;
}

/** A day far from "now" and from other scenarios: tests pass their own year. */
export const dayIn = (year: number, month = 6, day = 15, hour = 12) => new Date(Date.UTC(year, month - 1, day, hour));
