// The offer form's schema: the client form validates with it before submitting and the server
// action validates again with the same schema, so both show the same field-level messages.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
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
    name: z.string().trim().min(1, fieldMessage("console.fields.offer.name")).max(80, fieldMessage("console.fields.nameLength", { max: 80 })),
    kind: z.enum(OFFER_KINDS, { message: fieldMessage("console.fields.offer.kind") }),
    triggerMode: z.enum(["any", "specific"], { message: fieldMessage("console.fields.offer.triggerMode") }),
    triggerProductIds: stringList,
    offeredProductId: z.string({ message: fieldMessage("console.fields.offer.product") }).min(1, fieldMessage("console.fields.offer.product")),
    // A bundle's other products ("" = no product in that slot); the offered product comes first.
    bundleProductIds: z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
      .transform((ids) => ids.filter((id) => id !== "")),
    discountBps: percentBps(0, 95, fieldMessage("console.fields.labels.discount")),
    headline: z.string().trim().min(1, fieldMessage("console.fields.offer.headline")).max(120, fieldMessage("console.fields.headlineLength", { max: 120 })),
    body: z.string().trim().max(1000, fieldMessage("console.fields.copyLength")).default(""),
    // The same copy in Brazilian Portuguese (OfferCopy); blank = customers reading Portuguese see the English.
    ptBrHeadline: z.string().trim().max(120, fieldMessage("console.fields.headlineLength", { max: 120 })).default(""),
    ptBrBody: z.string().trim().max(1000, fieldMessage("console.fields.copyLength")).default(""),
    minOrder: optionalAmount,
    frequencyCap: optionalInt(1, 100, fieldMessage("console.fields.labels.frequencyCap")),
    imageUrl: optionalImageUrl,
    maxQuantity: optionalInt(1, MAX_OFFER_QUANTITY, fieldMessage("console.fields.labels.mostUnits")).transform((v) => v ?? 1),
    badge: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(40, fieldMessage("console.fields.badgeLength", { max: 40 }))).transform((b) => b || null),
    earnBadge: checkbox,
    ...targetingFields,
  })
  .superRefine(
    (offer, ctx) => {
      if (offer.triggerMode === "specific" && !(Array.isArray(offer.triggerProductIds) && offer.triggerProductIds.length > 0)) {
        ctx.addIssue({ code: "custom", path: ["triggerProductIds"], message: fieldMessage("console.fields.offer.triggerProducts") });
      }
      const bundle = Array.isArray(offer.bundleProductIds) ? offer.bundleProductIds : [];
      if (bundle.length > MAX_BUNDLE_PRODUCTS - 1) ctx.addIssue({ code: "custom", path: ["bundleProductIds"], message: fieldMessage("console.fields.offer.bundleMax", { max: MAX_BUNDLE_PRODUCTS }) });
      else if (new Set(bundle).size !== bundle.length || bundle.includes(offer.offeredProductId as string)) {
        ctx.addIssue({ code: "custom", path: ["bundleProductIds"], message: fieldMessage("console.fields.offer.bundleDistinct") });
      }
      refineTargeting(offer, ctx);
      if (offer.ptBrBody && !offer.ptBrHeadline) {
        ctx.addIssue({ code: "custom", path: ["ptBrHeadline"], message: fieldMessage("console.fields.offer.ptBrHeadline") });
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
