import "server-only";
import { valueChange } from "@/lib/plans/value";
import { ENDED_SUBSCRIPTION_STATUSES } from "@/lib/sync/rules";
import { offerBadge } from "./social-proof";
import type { OfferBadge } from "./social-proof-rules";
import { db, type Prisma } from "@/lib/db/client";
import { hasAccessAt } from "@/lib/entitlements/rules";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { attemptView } from "@/lib/checkout/attempt-view";
import type { ChargeView } from "@/lib/checkout/outcome";
import type { BillingInterval, OfferKind, OfferPlacement, ProductKind } from "@/lib/generated/prisma/enums";
import { money, type Money } from "@/lib/money/money";
import type { LocalizedCopy } from "./copy";
import { describeSavedCard } from "@/lib/payment-methods/saved";
import type { CardSummary } from "@/lib/payment-methods/eligibility";
import { shownImage } from "@/lib/store/images";
import { imageEnv } from "@/lib/store/settings";
import { priceIn } from "@/lib/catalog/prices";
import { GONE_PRODUCT_NAME } from "@/lib/catalog/cart";
import { maxUnits } from "./bundle";

/** Everything an offer panel renders; prices are the ones frozen on the impression. */
export type OfferView = {
  impressionId: string;
  placement: OfferPlacement;
  kind: OfferKind;
  headline: string;
  body: string;
  /** The merchant's headline and body in other languages (lib/offers/copy.ts picks one). */
  copies: LocalizedCopy[];
  product: { id: string; name: string; description: string | null; kind: ProductKind; billingInterval: BillingInterval | null; billingIntervalCount: number | null };
  /** The offer's picture (the merchant's, else Dodo's product image), only from an allowed origin. */
  imageUrl: string | null;
  /** Units the customer may choose from (1 = no selector); price is per unit. */
  maxQuantity: number;
  /**
   * A bundle: every product in it (the offered one first), each with its picture and its own price
   * before the bundle's discount; price and listPrice are then the whole bundle's. Empty = one product.
   */
  bundle: BundleItemView[];
  price: Money;
  listPrice: Money;
  /** The saved card one click charges; null = hosted checkout instead. */
  card: CardSummary | null;
  expiresAt: Date;
  charge: ChargeView | null;
  /** An earlier offer of the same funnel was turned down (declined, or its payment failed): a downsell then reads "instead". */
  followsRefusal: boolean;
  /** Social proof: the merchant's badge or an earned one (lib/offers/social-proof.ts). */
  badge: OfferBadge | null;
  /** For a plan upgrade: what it adds to and removes from the customer's current plan. */
  gains: string[];
  losses: string[];
};

export type BundleItemView = { id: string; name: string; description: string | null; imageUrl: string | null; listPrice: Money };

/** The products of a bundle impression as shown, in its currency; empty for one product. */
export async function bundleItemsOf(main: { id: string; name: string; description: string | null; imageUrl: string | null; priceAmount: number; currency: string; prices?: { currency: string; amount: number }[] }, mainImage: string | null, bundleProductIds: readonly string[], currency: string): Promise<BundleItemView[]> {
  if (bundleProductIds.length === 0) return [];
  const found = await db.product.findMany({ where: { id: { in: [...bundleProductIds] } }, include: { prices: true } });
  const extras = bundleProductIds.flatMap((id) => found.filter((p) => p.id === id));
  return bundleItemViews(main, mainImage, extras, currency);
}

type ItemProduct = { id: string; name: string; description: string | null; imageUrl: string | null; priceAmount: number; currency: string; prices?: { currency: string; amount: number }[] };

/** A bundle's products as the panel lists them: the offered one with the offer's picture, the others with Dodo's. */
export function bundleItemViews(main: ItemProduct, mainImage: string | null, extras: readonly ItemProduct[], currency: string): BundleItemView[] {
  const env = imageEnv();
  return [{ product: main, image: mainImage }, ...extras.map((p) => ({ product: p, image: shownImage(p.imageUrl, env) }))].map(({ product, image }) => {
    const unit = priceIn(product, currency) ?? { amount: product.priceAmount, currency: product.currency };
    return { id: product.id, name: product.name, description: product.description, imageUrl: image, listPrice: money(unit.amount, unit.currency) };
  });
}

/** The merchant's picture for the offer, else Dodo's image of the product; null when neither may be shown. */
export function offerImage(offer: { imageUrl: string | null }, product: { imageUrl: string | null }): string | null {
  const env = imageEnv();
  return shownImage(offer.imageUrl, env) ?? shownImage(product.imageUrl, env);
}

/**
 * Offers of the session shown up to this one that the customer declined or could not pay: the
 * panel then words itself as a follow-up. Raw: the thank-you page reads it on every render (its
 * budget: bench/journey.ts), and a Prisma count with a relation filter costs several times the SQL.
 */
async function refusalsBefore(funnelSessionId: string, impressionId: string, shownAt: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "OfferImpression" i JOIN "OfferDecision" d ON d."impressionId" = i."id"
    WHERE i."funnelSessionId" = ${funnelSessionId} AND i."id" <> ${impressionId} AND i."shownAt" <= ${shownAt}::timestamp(3)
      AND d."outcome" IN ('DECLINED', 'FAILED')`;
  return row?.n ?? 0;
}

/** What offerView reads of an impression; a caller that reads the impression anyway includes it and passes the row. */
export const offerViewInclude = { offer: { include: { offeredProduct: { include: { prices: true } }, copies: { select: { locale: true, headline: true, body: true } } } }, chargeAttempt: true } as const;
type ViewedImpression = Prisma.OfferImpressionGetPayload<{ include: typeof offerViewInclude }>;

export async function offerView(impression: string | ViewedImpression, customer: SessionCustomer, knownCard?: CardSummary | null): Promise<OfferView> {
  const imp = typeof impression === "string" ? await db.offerImpression.findUniqueOrThrow({ where: { id: impression }, include: offerViewInclude }) : impression;
  if (!imp.offer || imp.customerId !== customer.id) throw new Error(`impression ${imp.id} has no offer for this customer`);
  const p = imp.offer.offeredProduct;
  const offer = imp.offer;
  const image = offerImage(offer, p);
  // Independent reads, side by side: a render waits for the slowest, not for their sum.
  const [card, refusals, bundle, charge, badge, value] = await Promise.all([
    imp.paymentMethodId
      ? knownCard?.paymentMethodId === imp.paymentMethodId ? knownCard : describeSavedCard(customer, imp.paymentMethodId)
      : null,
    imp.funnelSessionId
      ? refusalsBefore(imp.funnelSessionId, imp.id, imp.shownAt)
      : 0,
    bundleItemsOf(p, image, imp.bundleProductIds, imp.currency),
    imp.chargeAttempt ? attemptView(imp.chargeAttempt) : null,
    offerBadge(offer),
    offer.kind === "UPGRADE" ? upgradeValue(customer.id, p) : { gains: [], losses: [] },
  ]);
  return {
    impressionId: imp.id,
    placement: imp.placement,
    kind: offer.kind,
    headline: offer.headline,
    body: offer.body,
    copies: offer.copies,
    product: { id: p.id, name: p.name, description: p.description, kind: p.kind, billingInterval: p.billingInterval, billingIntervalCount: p.billingIntervalCount },
    imageUrl: image,
    maxQuantity: maxUnits(p.kind, offer.maxQuantity, imp.bundleProductIds),
    bundle,
    price: money(imp.priceAmount, imp.currency),
    listPrice: money(imp.listPriceAmount, imp.currency),
    card,
    expiresAt: imp.expiresAt,
    charge,
    followsRefusal: refusals > 0,
    badge,
    ...value,
  };
}

/** What an upgrade offer's plan adds to and removes from the plan the customer has on the same ladder. */
async function upgradeValue(customerId: string, plan: { id: string; ladderId: string | null; features: string[] }) {
  const current = plan.ladderId
    ? await db.subscription.findFirst({ where: { customerId, status: { notIn: ENDED_SUBSCRIPTION_STATUSES }, productId: { not: plan.id }, product: { ladderId: plan.ladderId } }, orderBy: { dodoCreatedAt: "desc" }, select: { product: { select: { features: true } } } })
    : null;
  return current ? valueChange(current.product.features, plan.features) : { gains: plan.features, losses: [] };
}

export type AnsweredOffer = {
  impressionId: string;
  productId: string;
  productName: string;
  /** A bundle's other products (the price is the bundle's); empty for one product. */
  bundleNames: string[];
  /** Units bought (the price is their total). */
  quantity: number;
  price: Money;
  charge: ChargeView;
  hasAccess: boolean;
  /** The offer's window: "use another card" closes with it. */
  expiresAt: Date;
};

const answeredInclude = { chargeAttempt: true, decision: true, offer: { select: { offeredProductId: true, offeredProduct: { select: { name: true } } } } } as const;

/** The customer's impressions matching `where` that were answered yes: charged (or being charged), or accepted. */
const answeredWhere = (customerId: string, where: Prisma.OfferImpressionWhereInput): Prisma.OfferImpressionWhereInput => ({
  customerId,
  AND: [where, { OR: [{ chargeAttempt: { isNot: null } }, { decision: { outcome: "ACCEPTED" } }] }],
});

async function answeredViews(customerId: string, where: Prisma.OfferImpressionWhereInput, now: Date): Promise<AnsweredOffer[]> {
  const rows = await db.offerImpression.findMany({
    where: answeredWhere(customerId, where),
    include: answeredInclude,
    orderBy: { shownAt: "asc" },
  });
  const productIds = rows.flatMap((r) => (r.offer ? [r.offer.offeredProductId, ...r.bundleProductIds] : []));
  const bundled = rows.flatMap((r) => r.bundleProductIds);
  // Nothing answered (the usual first render): no product to look up.
  const [bundleProducts, entitlements] = productIds.length === 0 ? [[], []] : await Promise.all([
    bundled.length ? db.product.findMany({ where: { id: { in: bundled } }, select: { id: true, name: true } }) : [],
    db.entitlement.findMany({ where: { customerId, productId: { in: productIds } }, select: { productId: true, status: true, endsAt: true } }),
  ]);
  const names = new Map(bundleProducts.map((p) => [p.id, p.name]));
  const answered = await Promise.all(rows.map(async (r) => {
    // Bought through hosted checkout after a failed one-click: the decision says accepted.
    const charge: ChargeView = r.decision?.outcome === "ACCEPTED" ? { status: "succeeded" } : r.chargeAttempt ? await attemptView(r.chargeAttempt, now) : { status: "processing" };
    return { row: r, charge };
  }));
  return answered.flatMap(({ row: r, charge }) => {
    if (!r.offer) return [];
    const productId = r.offer.offeredProductId;
    return [{
      impressionId: r.id,
      productId,
      productName: r.offer.offeredProduct.name,
      bundleNames: r.bundleProductIds.map((id) => names.get(id) ?? GONE_PRODUCT_NAME),
      quantity: r.chargeAttempt?.quantity ?? 1,
      price: money(r.chargeAttempt?.amount ?? r.priceAmount, r.currency),
      charge,
      // A bundle grants access once every product of it does.
      hasAccess: [productId, ...r.bundleProductIds].every((id) => entitlements.some((e) => e.productId === id && hasAccessAt(e, now))),
      expiresAt: r.expiresAt,
    }];
  });
}

/**
 * Offers of a funnel session the customer said yes to, with how the charge went: success (and
 * whether access is granted yet) or a failure with its soft reason. Declined ones are not listed.
 */
export async function answeredOffers(sessionId: string, customer: SessionCustomer, now = new Date()): Promise<AnsweredOffer[]> {
  if (!(await anyAnsweredInSession(customer.id, sessionId))) return [];
  return answeredViews(customer.id, { funnelSessionId: sessionId }, now);
}

/**
 * answeredWhere for one session, as one raw EXISTS: most renders of a thank-you page come before
 * any answer, and this costs a fraction of the model query with its includes (the page's render
 * budget, bench/journey.ts). Keep the two predicates alike: charged (or being charged), or accepted.
 */
async function anyAnsweredInSession(customerId: string, sessionId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ answered: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "OfferImpression" i LEFT JOIN "OfferDecision" d ON d."impressionId" = i."id"
      WHERE i."customerId" = ${customerId} AND i."funnelSessionId" = ${sessionId}
        AND (d."outcome" = 'ACCEPTED' OR EXISTS (SELECT 1 FROM "ChargeAttempt" a WHERE a."impressionId" = i."id"))
    ) AS "answered"`;
  return row?.answered ?? false;
}

/** How long the account page keeps confirming an offer the customer just said yes to. */
const RECENT_MS = 60 * 60_000;

const recentWhere = (now: Date): Prisma.OfferImpressionWhereInput => ({
  OR: [{ chargeAttempt: { createdAt: { gte: new Date(now.getTime() - RECENT_MS) } } }, { decision: { outcome: "ACCEPTED", decidedAt: { gte: new Date(now.getTime() - RECENT_MS) } } }],
});

/** Offers (any page) the customer said yes to in the last hour: the account page confirms them. */
export function recentlyAnsweredOffers(customer: SessionCustomer, now = new Date()): Promise<AnsweredOffer[]> {
  return answeredViews(customer.id, recentWhere(now), now);
}

/** Products of those offers: not offered again while the answer is this fresh (a failed one shows its retry instead). */
export async function recentlyAnsweredProductIds(customerId: string, now = new Date()): Promise<Set<string>> {
  const rows = await db.offerImpression.findMany({
    where: answeredWhere(customerId, recentWhere(now)),
    select: { bundleProductIds: true, offer: { select: { offeredProductId: true } } },
  });
  return new Set(rows.flatMap((r) => (r.offer ? [r.offer.offeredProductId, ...r.bundleProductIds] : [])));
}
