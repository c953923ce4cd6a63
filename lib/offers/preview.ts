import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { MAX_OFFER_QUANTITY, OFFER_KINDS } from "./offer-schema";
import { bundleItemViews, offerImage, type OfferView } from "./view";
import { MAX_BUNDLE_PRODUCTS, maxUnits, sellingPrice } from "./bundle";

// The offer editor's live preview: the offer as the form holds it right now (saved or not), as the
// customer's OfferView, so the preview renders the real customer component with real prices. Read
// leniently: a half-typed form still previews (a bad discount shows none) — the form's own checks
// say what is wrong.

const text = (max: number) => z.string().max(max).catch("");
const draftSchema = z.object({
  offeredProductId: z.string().max(200).catch(""),
  kind: z.enum(OFFER_KINDS).catch("UPSELL"),
  headline: text(120),
  body: text(1000),
  discountBps: z.coerce.number().min(0).max(95).catch(0).transform((pct) => Math.round(pct * 100)),
  imageUrl: text(2000),
  maxQuantity: z.coerce.number().int().min(1).max(MAX_OFFER_QUANTITY).catch(1),
  badge: text(40),
  // A bundle's other products (repeated query parameter); "" = an empty slot.
  bundleProductIds: z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []), z.array(z.string().max(200)).max(MAX_BUNDLE_PRODUCTS - 1))
    .catch([]).transform((ids) => [...new Set(ids.filter(Boolean))]),
});

export type OfferDraft = z.output<typeof draftSchema>;

export const readOfferDraft = (params: Record<string, unknown>): OfferDraft => draftSchema.parse(params);

/** How long the preview's countdown runs: the account page's window (a funnel's is set on the funnel). */
const PREVIEW_WINDOW_MS = 15 * 60_000;

/** The draft as the customer would see it; null until a product is chosen. */
export async function previewOfferView(draft: OfferDraft, now = new Date()): Promise<OfferView | null> {
  const product = draft.offeredProductId ? await db.product.findUnique({ where: { id: draft.offeredProductId } }) : null;
  if (!product) return null;
  // Dodo's discounts apply to one-time products only (the form refuses others), so none is shown on a plan.
  const bps = product.kind === "ONE_TIME" ? draft.discountBps : 0;
  // A bundle previews the products the form may bundle (one-time, in the offered product's currency;
  // the form says why another is refused), in the order chosen.
  const found = product.kind === "ONE_TIME" && draft.bundleProductIds.length
    ? await db.product.findMany({ where: { id: { in: draft.bundleProductIds.filter((id) => id !== product.id) }, kind: "ONE_TIME", archived: false, currency: product.currency } })
    : [];
  const extras = draft.bundleProductIds.flatMap((id) => found.filter((p) => p.id === id));
  const image = offerImage({ imageUrl: draft.imageUrl || null }, product);
  // Every extra is priced in the offered product's base currency (filtered above), so a price exists.
  const priced = sellingPrice(product, extras, bps);
  if (!priced) return null;
  const { price, listPrice } = priced;
  return {
    impressionId: "preview",
    placement: "THANK_YOU",
    kind: draft.kind,
    headline: draft.headline || "Your headline",
    body: draft.body,
    // The default language's copy: the console (and so its preview) speaks English.
    copies: [],
    product: { id: product.id, name: product.name, description: product.description, kind: product.kind, billingInterval: product.billingInterval, billingIntervalCount: product.billingIntervalCount },
    imageUrl: image,
    maxQuantity: maxUnits(product.kind, draft.maxQuantity, extras),
    bundle: extras.length ? bundleItemViews(product, image, extras, product.currency) : [],
    price,
    listPrice,
    card: { paymentMethodId: "preview", brand: "Visa", last4: "4242" },
    expiresAt: new Date(now.getTime() + PREVIEW_WINDOW_MS),
    charge: null,
    followsRefusal: false,
    // The merchant's own badge (an earned one needs real take rates, which a draft has none of).
    badge: draft.badge.trim() ? { kind: "merchant", text: draft.badge.trim() } : null,
    // As for a customer without a plan: an upgrade gains everything its plan includes.
    gains: draft.kind === "UPGRADE" ? product.features : [],
    losses: [],
  };
}
