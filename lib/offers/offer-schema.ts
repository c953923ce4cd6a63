// The offer form's schema: the client form validates with it before submitting and the server
// action validates again with the same schema, so both show the same field-level messages.
import { z } from "zod";
import { optionalImageUrl } from "@/lib/store/settings-schema";
import { checkbox, optionalAmount, optionalInt, percentBps, stringList } from "@/lib/forms/fields";
import { MAX_BUNDLE_PRODUCTS } from "./bundle";
import { refineTargeting, targetingFields } from "./targeting-form";

/** The most units one offer may let a customer take. */
export const MAX_OFFER_QUANTITY = 20;

/** The units a customer chose on an offer (accept or checkout); absent = one. */
export const offerQuantityField = z.coerce.number().int().min(1).max(MAX_OFFER_QUANTITY).optional();

export const OFFER_KINDS = ["UPSELL", "DOWNSELL", "CROSS_SELL", "UPGRADE"] as const;

export const OFFER_KIND_LABELS: Record<(typeof OFFER_KINDS)[number], string> = {
  UPSELL: "Upsell",
  DOWNSELL: "Downsell",
  CROSS_SELL: "Cross-sell",
  UPGRADE: "Plan upgrade",
};

export const offerSchema = z
  .object({
    name: z.string().trim().min(1, "Give the offer a name").max(80, "Keep the name under 80 characters"),
    kind: z.enum(OFFER_KINDS, { message: "Choose what kind of offer this is" }),
    triggerMode: z.enum(["any", "specific"], { message: "Choose when the offer triggers" }),
    triggerProductIds: stringList,
    offeredProductId: z.string({ message: "Choose the product to offer" }).min(1, "Choose the product to offer"),
    // A bundle's other products ("" = no product in that slot); the offered product comes first.
    bundleProductIds: z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
      .transform((ids) => ids.filter((id) => id !== "")),
    discountBps: percentBps(0, 95, "Discount"),
    headline: z.string().trim().min(1, "Write a headline").max(120, "Keep the headline under 120 characters"),
    body: z.string().trim().max(1000, "Keep the copy under 1,000 characters").default(""),
    // The same copy in Brazilian Portuguese (OfferCopy); blank = customers reading Portuguese see the English.
    ptBrHeadline: z.string().trim().max(120, "Keep the headline under 120 characters").default(""),
    ptBrBody: z.string().trim().max(1000, "Keep the copy under 1,000 characters").default(""),
    minOrder: optionalAmount,
    frequencyCap: optionalInt(1, 100, "Frequency cap"),
    imageUrl: optionalImageUrl,
    maxQuantity: optionalInt(1, MAX_OFFER_QUANTITY, "Most units").transform((v) => v ?? 1),
    badge: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(40, "Keep the badge under 40 characters")).transform((b) => b || null),
    earnBadge: checkbox,
    ...targetingFields,
  })
  .superRefine(
    (offer, ctx) => {
      if (offer.triggerMode === "specific" && !(Array.isArray(offer.triggerProductIds) && offer.triggerProductIds.length > 0)) {
        ctx.addIssue({ code: "custom", path: ["triggerProductIds"], message: "Pick at least one trigger product, or choose “any purchase”" });
      }
      const bundle = Array.isArray(offer.bundleProductIds) ? offer.bundleProductIds : [];
      if (bundle.length > MAX_BUNDLE_PRODUCTS - 1) ctx.addIssue({ code: "custom", path: ["bundleProductIds"], message: `A bundle holds at most ${MAX_BUNDLE_PRODUCTS} products` });
      else if (new Set(bundle).size !== bundle.length || bundle.includes(offer.offeredProductId as string)) {
        ctx.addIssue({ code: "custom", path: ["bundleProductIds"], message: "Bundle different products: each once, and not the offered product again" });
      }
      refineTargeting(offer, ctx);
      if (offer.ptBrBody && !offer.ptBrHeadline) {
        ctx.addIssue({ code: "custom", path: ["ptBrHeadline"], message: "Write the Portuguese headline too, or leave both Portuguese fields blank" });
      }
    },
    // Run even when other fields are invalid, so the form shows every problem at once.
    { when: () => true },
  )
  .transform(({ triggerMode, triggerProductIds, ...rest }) => ({
    ...rest,
    // "Any purchase" is stored as an empty trigger list.
    triggerProductIds: triggerMode === "any" ? [] : [...new Set(triggerProductIds)],
  }));

export type OfferInput = z.output<typeof offerSchema>;
