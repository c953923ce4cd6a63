// Per-test seed data for the funnel and one-click tests: every id is unique, so test files can
// run concurrently against the one database.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { OfferKind } from "@/lib/generated/prisma/enums";

export const uid = (prefix: string) => `${prefix}_${crypto.randomBytes(8).toString("hex")}`;

export async function seedProduct(priceAmount = 4900, currency = "USD") {
  return db.product.create({ data: { id: uid("pdt"), name: `Product ${priceAmount}`, kind: "ONE_TIME", priceAmount, currency } });
}

export async function seedCustomer() {
  return db.customer.create({ data: { dodoCustomerId: uid("cus"), email: `${uid("c")}@example.com` }, select: { id: true, dodoCustomerId: true, email: true, name: true } });
}

export async function seedOffer(offeredProductId: string, opts: { kind?: OfferKind; triggers?: string[]; discountBps?: number; minOrderAmount?: number } = {}) {
  return db.offer.create({
    data: {
      name: uid("offer"),
      kind: opts.kind ?? "UPSELL",
      offeredProductId,
      triggerProductIds: opts.triggers ?? [],
      discountBps: opts.discountBps ?? 0,
      minOrderAmount: opts.minOrderAmount ?? null,
      headline: "Add this",
    },
  });
}

/** Funnel: upsell → (decline) downsell; accepting either ends it. */
export async function seedFunnel(upsellOfferId: string, downsellOfferId: string) {
  const funnel = await db.funnel.create({ data: { name: uid("funnel") } });
  const downsell = await db.funnelStep.create({ data: { funnelId: funnel.id, position: 2, name: "downsell", variants: { create: { offerId: downsellOfferId } } } });
  const upsell = await db.funnelStep.create({
    data: { funnelId: funnel.id, position: 1, name: "upsell", onDeclineStepId: downsell.id, onFailStepId: downsell.id, variants: { create: { offerId: upsellOfferId } } },
  });
  await db.funnel.update({ where: { id: funnel.id }, data: { entryStepId: upsell.id } });
  return { funnel, upsell, downsell };
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
  const product = await seedProduct(1900);
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
