// Builds offer-stats scenarios from real rows: products, a funnel with steps and variants, funnel
// sessions, impressions, decisions, charge attempts, payments and refunds. Every id carries a
// random suffix and every scenario uses its own dates, so concurrent test files never collide.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";

export const uid = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString("hex")}`;

export async function createProduct(opts: { price: number; currency?: string; kind?: "ONE_TIME" | "SUBSCRIPTION"; name?: string }) {
  return db.product.create({
    data: {
      id: uid("pdt"),
      name: opts.name ?? "Test product",
      kind: opts.kind ?? "ONE_TIME",
      priceAmount: opts.price,
      currency: opts.currency ?? "USD",
      ...(opts.kind === "SUBSCRIPTION" ? { billingInterval: "MONTH" as const, billingIntervalCount: 1 } : {}),
    },
  });
}

export async function createCustomer() {
  return db.customer.create({ data: { dodoCustomerId: uid("cus"), email: `${uid("c")}@example.com` } });
}

export async function createOffer(productId: string, name = "Offer", kind: "UPSELL" | "DOWNSELL" = "UPSELL") {
  return db.offer.create({ data: { name: `${name} ${uid("o")}`, kind, offeredProductId: productId, headline: name } });
}

/** A funnel with one step per entry of `steps` (each a list of [offerId, weightBps]) and a holdout share. */
export async function createFunnel(steps: { offers: [string, number][]; holdoutBps?: number }[]) {
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
        id: paymentId, customerId: spec.customerId, status: spec.payment.status, totalAmount: amount, currency: spec.payment.currency ?? currency,
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
