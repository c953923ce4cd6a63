import "server-only";
import { db } from "@/lib/db/client";
import { inTransaction, type Tx } from "@/lib/db/tx";
import { majorToMinor, minorToMajor } from "@/lib/money/amounts";
import { fail, invalid, invalidFields, ok, type Result } from "@/lib/result";
import { fieldMessage } from "@/lib/forms/field-message";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { isAllowedImageUrl } from "@/lib/store/images";
import { imageEnv, imageOriginMessage } from "@/lib/store/settings";
import { bundleProblem } from "./bundle";
import { ensureOfferDiscount } from "./discount-code";
import { offerSchema, type OfferInput } from "./offer-schema";
import { readTargeting } from "./targeting";
import { targetingFields, targetingFormValues, targetingFromForm, type TargetingFormInput } from "./targeting-form";
import { Prisma } from "@/lib/generated/prisma/client";

/** Variants that show the offer: in an active funnel, not retired (a retired variant keeps its row with weight 0). */
const SHOWN_VARIANTS = { weightBps: { gt: 0 }, step: { funnel: { active: true } } };

export async function listOffers() {
  return db.offer.findMany({
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    include: {
      offeredProduct: { select: { id: true, name: true, priceAmount: true, currency: true, billingInterval: true, billingIntervalCount: true } },
      bundleItems: { orderBy: { position: "asc" }, select: { product: { select: { name: true } } } },
      _count: { select: { variants: { where: SHOWN_VARIANTS } } },
    },
  });
}

export async function getOffer(id: string) {
  return db.offer.findUnique({ where: { id }, include: { offeredProduct: true, copies: true, bundleItems: { orderBy: { position: "asc" } }, _count: { select: { variants: { where: SHOWN_VARIANTS } } } } });
}

/** An offer as form values (amounts back in major units), for the edit form. */
export function offerFormValues(offer: NonNullable<Awaited<ReturnType<typeof getOffer>>>): Record<string, string | string[]> {
  return {
    name: offer.name,
    kind: offer.kind,
    triggerMode: offer.triggerProductIds.length ? "specific" : "any",
    triggerProductIds: offer.triggerProductIds,
    offeredProductId: offer.offeredProductId,
    bundleProductIds: offer.bundleItems.map((i) => i.productId),
    discountBps: String(offer.discountBps / 100),
    headline: offer.headline,
    body: offer.body,
    ptBrHeadline: offer.copies.find((c) => c.locale === "pt-BR")?.headline ?? "",
    ptBrBody: offer.copies.find((c) => c.locale === "pt-BR")?.body ?? "",
    minOrder: offer.minOrderAmount === null ? "" : minorToMajor(offer.minOrderAmount, offer.offeredProduct.currency),
    frequencyCap: offer.frequencyCap === null ? "" : String(offer.frequencyCap),
    imageUrl: offer.imageUrl ?? "",
    maxQuantity: String(offer.maxQuantity),
    badge: offer.badge ?? "",
    earnBadge: offer.earnBadge ? "on" : "",
    ...targetingFormValues(storedTargeting(offer.targeting), offer.startsAt, offer.endsAt),
  };
}

function storedTargeting(stored: unknown) {
  const t = readTargeting(stored);
  return t === "unreadable" ? null : t;
}

type TargetingKey = keyof typeof targetingFields;
type OfferData = Omit<OfferInput, "minOrder" | "ptBrHeadline" | "ptBrBody" | "bundleProductIds" | TargetingKey> & {
  minOrderAmount: number | null;
  targeting: Prisma.InputJsonValue | typeof Prisma.DbNull;
  startsAt: Date | null;
  endsAt: Date | null;
};
/** The offer's copy in another language; a blank headline removes it (customers then see the default). */
type CopyData = { locale: "pt-BR"; headline: string; body: string };

/** Splits the targeting form fields off the offer's own. */
function splitTargeting<T extends TargetingFormInput>(input: T): { targeting: TargetingFormInput; rest: Omit<T, TargetingKey> } {
  const targeting = {} as Record<string, unknown>;
  const rest = { ...input } as Record<string, unknown>;
  for (const key of Object.keys(targetingFields)) {
    targeting[key] = rest[key];
    delete rest[key];
  }
  return { targeting: targeting as TargetingFormInput, rest: rest as Omit<T, TargetingKey> };
}

/**
 * The offer form's values as a row to store: the schema's checks, then what the schema cannot
 * check (products exist, the kind fits the product, amounts fit the currency).
 */
async function offerFrom(raw: unknown): Promise<Result<{ offer: OfferData; copies: CopyData[]; bundle: string[] }>> {
  const parsed = offerSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input: OfferInput = parsed.data;
  const ids = [input.offeredProductId, ...input.triggerProductIds, ...input.bundleProductIds];
  const products = await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, currency: true, archived: true } });
  const offered = products.find((p) => p.id === input.offeredProductId);
  if (!offered || offered.archived) return invalidFields({ offeredProductId: [fieldMessage("console.fields.offer.activeProduct")] });
  if (input.kind === "UPGRADE" && offered.kind !== "SUBSCRIPTION") {
    return invalidFields({ offeredProductId: [fieldMessage("console.fields.offer.upgradePlan")] });
  }
  // Dodo's discounts on subscription lines need a cycle count an offer doesn't have.
  if (input.discountBps > 0 && offered.kind !== "ONE_TIME") {
    return invalidFields({ discountBps: [fieldMessage("console.fields.offer.discountOneTime")] });
  }
  if (input.imageUrl && !isAllowedImageUrl(input.imageUrl, imageEnv())) return invalidFields({ imageUrl: [imageOriginMessage()] });
  // Units are for one-time products; a subscription offer starts one plan (its seats are the plan's business).
  if (input.maxQuantity > 1 && offered.kind !== "ONE_TIME") return invalidFields({ maxQuantity: [fieldMessage("console.fields.offer.unitsOneTime")] });
  const bundleIssue = bundleProblem(offered, input.bundleProductIds.map((id) => products.find((p) => p.id === id)), input.maxQuantity);
  if (bundleIssue) return invalidFields({ bundleProductIds: [bundleIssue] });
  const unknown = input.triggerProductIds.filter((id) => !products.some((p) => p.id === id));
  if (unknown.length) return invalidFields({ triggerProductIds: [fieldMessage("console.fields.offer.triggerGone")] });
  const { targeting: targetingInput, rest: { minOrder, ptBrHeadline, ptBrBody, bundleProductIds: bundle, ...rest } } = splitTargeting(input);
  let minOrderAmount: number | null = null;
  if (minOrder !== null) {
    minOrderAmount = majorToMinor(minOrder, offered.currency);
    if (minOrderAmount === null) return invalidFields({ minOrder: [fieldMessage("console.fields.offer.tooManyDecimals", { currency: offered.currency })] });
  }
  const targeting = targetingFromForm(targetingInput, offered.currency);
  if (!targeting.ok) return invalidFields({ [targeting.field]: [targeting.message] });
  return ok({
    offer: {
      ...rest,
      minOrderAmount,
      targeting: targeting.targeting ?? Prisma.DbNull,
      startsAt: targetingInput.startsAt,
      endsAt: targetingInput.endsAt,
    },
    copies: [{ locale: "pt-BR", headline: ptBrHeadline, body: ptBrBody }],
    bundle,
  });
}

async function saveCopies(tx: Tx, offerId: string, copies: CopyData[]): Promise<void> {
  for (const copy of copies) {
    if (!copy.headline) await tx.offerCopy.deleteMany({ where: { offerId, locale: copy.locale } });
    else await tx.offerCopy.upsert({ where: { offerId_locale: { offerId, locale: copy.locale } }, create: { offerId, ...copy }, update: { headline: copy.headline, body: copy.body } });
  }
}

const bundleRows = (ids: readonly string[]) => ids.map((productId, i) => ({ productId, position: i + 1 }));

// Refusals are worded in `locale` (the console's language), as in funnel-admin.ts.
type Wording = { locale?: Locale };

/** The refusal when the offer was deleted meanwhile (also moment-admin.ts's). */
export function offerGone(locale: Locale) {
  const t = translator(locale);
  return fail("not_found", t("console.offerPage.offerGone"));
}

export async function createOffer(raw: unknown, { locale = DEFAULT_LOCALE }: Wording = {}): Promise<Result<{ id: string }>> {
  const resolved = await offerFrom(raw);
  if (!resolved.ok) return resolved;
  const offer = await inTransaction(async (tx) => {
    const created = await tx.offer.create({ data: { ...resolved.offer, bundleItems: { create: bundleRows(resolved.bundle) } }, select: { id: true } });
    await saveCopies(tx, created.id, resolved.copies);
    return created;
  });
  return prepareDiscount(offer.id, locale);
}

/**
 * Sets up the offer's Dodo discount code right after a save, so the first customer does not wait
 * for Dodo, and the merchant learns now (not from missing impressions) when Dodo refuses it.
 */
async function prepareDiscount(id: string, locale: Locale): Promise<Result<{ id: string }>> {
  const offer = await db.offer.findUnique({ where: { id }, include: { offeredProduct: { select: { kind: true } }, bundleItems: { orderBy: { position: "asc" } } } });
  if (!offer) return offerGone(locale);
  const discount = await ensureOfferDiscount(offer);
  if (discount.ok) return ok({ id });
  const t = translator(locale);
  // The reasons continue the "Saved, but …" sentence: lower-case in the catalogue.
  const reason = discount.code === "unsupported" ? t("console.offerPage.discountOneTimeOnly") : t("console.offerPage.discountUnavailable");
  return fail("discount_unavailable", t("console.offerPage.savedWithoutDiscount", { reason }));
}

export async function updateOffer(id: string, raw: unknown, { locale = DEFAULT_LOCALE }: Wording = {}): Promise<Result<{ id: string }>> {
  const resolved = await offerFrom(raw);
  if (!resolved.ok) return resolved;
  // The offer, its bundle and its copy in other languages change together: an impression or
  // discount code never sees half an edit.
  const count = await inTransaction(async (tx) => {
    const { count } = await tx.offer.updateMany({ where: { id }, data: resolved.offer });
    if (count === 0) return 0;
    await tx.offerBundleItem.deleteMany({ where: { offerId: id } });
    await tx.offerBundleItem.createMany({ data: bundleRows(resolved.bundle).map((row) => ({ ...row, offerId: id })) });
    await saveCopies(tx, id, resolved.copies);
    return count;
  });
  return count ? prepareDiscount(id, locale) : offerGone(locale);
}

/** Pausing keeps the offer, its funnel placement and its history; the funnel runtime skips paused offers. */
export async function setOfferActive(id: string, active: boolean, { locale = DEFAULT_LOCALE }: Wording = {}): Promise<Result<{ id: string }>> {
  const { count } = await db.offer.updateMany({ where: { id }, data: { active } });
  return count ? ok({ id }) : offerGone(locale);
}
