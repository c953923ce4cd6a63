import "server-only";
// "Test as a customer": which offer the thank-you page would show a customer after a given
// purchase, and why every other offer would not be shown. Reads only (no impression, no
// assignment, no Dodo call) and walks the funnel with the same pieces the thank-you page uses:
// funnelFor, purchaseOf, the sticky experiment bucket, offerEligibility and the open-offer rule.
import { db } from "@/lib/db/client";
import { chooseAssignment, type Assignment, type StepForAssignment } from "@/lib/experiments/bucket";
import { opensFunnel } from "@/lib/checkout/order";
import { formatMoney, money } from "@/lib/money/money";
import { fail, ok, type Result } from "@/lib/result";
import { funnelFor, MAX_HOPS, purchaseOf, stepInclude } from "./funnel";
import { customerHistory } from "./history";
import { bundleItemsInclude, bundleOf } from "./bundle";
import { offerDiscountReady } from "./discount-code";
import { openOfferOf } from "./impressions";
import { offerEligibility, type Eligibility, type SkipReason } from "./rules";
import { describeCondition } from "./targeting";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";

export type PreviewStep = { stepName: string; offerId: string | null; offerName: string | null; result: "shown" | "skipped" | "holdout" | "no_variant"; why: string };
export type PreviewOther = { offerId: string; offerName: string; why: string };

export type OfferPreview = {
  customer: { id: string; email: string };
  purchase: { paymentId: string; amount: string; at: Date };
  funnel: { id: string; name: string } | null;
  /** The offer the thank-you page shows first; null = none. */
  shown: { offerId: string; offerName: string; headline: string; stepName: string } | null;
  /** Why nothing is shown, when nothing is. */
  summary: string;
  path: PreviewStep[];
  others: PreviewOther[];
  /** When this purchase already opened its funnel: the page continues it rather than starting afresh. */
  note: string | null;
};

type Names = Parameters<typeof describeCondition>[1];

/** Why an offer is skipped, in `locale`. */
function skipReasonText(reason: SkipReason, t: Translator): string {
  switch (reason) {
    case "inactive":
      return t("console.testAsCustomer.inactive");
    case "archived_product":
      return t("console.testAsCustomer.archivedProduct");
    case "not_triggered":
      return t("console.testAsCustomer.notTriggered");
    case "below_min_order":
      return t("console.testAsCustomer.belowMinOrder");
    case "currency_mismatch":
      return t("console.testAsCustomer.currencyMismatch");
    case "min_order_other_currency":
      return t("console.testAsCustomer.minOrderOtherCurrency");
    case "already_owned":
      return t("console.testAsCustomer.alreadyOwned");
    case "declined_before":
      return t("console.testAsCustomer.declinedBefore");
    case "frequency_cap":
      return t("console.testAsCustomer.frequencyCap");
    case "not_started":
      return t("console.testAsCustomer.notStarted");
    case "ended":
      return t("console.testAsCustomer.ended");
    case "not_targeted":
      return t("console.testAsCustomer.notTargeted");
  }
}

/** Why an offer is not eligible, in words (in `locale`), with its unmet targeting conditions spelled out. */
export function reasonText(e: Exclude<Eligibility, { eligible: true }>, names: Names, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if (e.reason === "already_owned" && e.owned) return t("console.testAsCustomer.alreadyOwns", { product: names.product(e.owned) });
  if (e.reason !== "not_targeted") return skipReasonText(e.reason, t);
  if (!e.unmet?.length) return t("console.testAsCustomer.unreadableTargeting");
  return t("console.testAsCustomer.unmet", { conditions: e.unmet.map((c) => describeCondition(c, names, locale)).join("; ") });
}

/** The customer's assignment at a step without writing one: the stored one if still live, else the deterministic draw. */
async function readAssignment(customerId: string, step: StepForAssignment): Promise<Assignment> {
  const stored = await db.experimentAssignment.findUnique({ where: { customerId_stepId: { customerId, stepId: step.id } }, select: { variantId: true, holdout: true } });
  if (stored && (stored.holdout || (stored.variantId && step.variants.some((v) => v.id === stored.variantId && v.weightBps > 0)))) return stored;
  return chooseAssignment(customerId, step);
}

/** The customer's paid purchases that could open a funnel, newest first, for the view's picker. */
export async function previewablePurchases(customerId: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}) {
  const payments = await db.payment.findMany({
    where: { customerId, status: "SUCCEEDED" },
    orderBy: { dodoCreatedAt: "desc" },
    take: 50,
    select: { id: true, totalAmount: true, currency: true, dodoCreatedAt: true, metadata: true, status: true },
  });
  return payments.filter(opensFunnel).map((p) => ({ id: p.id, label: `${formatMoney(money(p.totalAmount, p.currency), locale)} · ${p.dodoCreatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` }));
}

/** Finds a customer by email, Encore id or Dodo customer id. */
export async function findCustomer(query: string) {
  const q = query.trim();
  if (!q) return null;
  return db.customer.findFirst({ where: { OR: [{ id: q }, { dodoCustomerId: q }, { email: { equals: q, mode: "insensitive" } }] }, orderBy: { createdAt: "desc" }, select: { id: true, email: true } });
}

/** Everything it says is worded in `locale` (the console's language); names are as the merchant wrote them. */
export async function previewOffers(input: { customerId: string; paymentId: string }, now = new Date(), { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ preview: OfferPreview }, "not_found" | "opens_no_funnel">> {
  const t = translator(locale);
  const customer = await db.customer.findUnique({ where: { id: input.customerId }, select: { id: true, email: true } });
  const payment = await db.payment.findFirst({ where: { id: input.paymentId, customerId: input.customerId } });
  if (!customer || !payment) return fail("not_found", t("console.testAsCustomer.notFound"));
  if (!opensFunnel(payment)) return fail("opens_no_funnel", t("console.testAsCustomer.opensNoFunnel"));

  const existing = await db.funnelSession.findUnique({ where: { originPaymentId: payment.id }, select: { id: true, status: true } });
  const { rules: purchase } = await purchaseOf({ customerId: customer.id, originPaymentId: payment.id, orderAmount: payment.totalAmount, currency: payment.currency, startedAt: now });
  const [history, offers, products] = await Promise.all([
    customerHistory(customer.id, now),
    db.offer.findMany({ include: { offeredProduct: { include: { prices: true } }, bundleItems: bundleItemsInclude }, orderBy: { createdAt: "asc" } }),
    db.product.findMany({ select: { id: true, name: true } }),
  ]);
  const productName = new Map(products.map((p) => [p.id, p.name]));
  const names: Names = { product: (id) => productName.get(id) ?? id, amount: (minor, currency) => formatMoney(money(minor, currency), locale) };
  const eligibility = (o: (typeof offers)[number]) => offerEligibility({ ...o, product: o.offeredProduct, bundle: bundleOf(o) }, purchase, history, now);

  const funnel = await funnelFor(purchase?.productIds ?? []);
  const path: PreviewStep[] = [];
  const explained = new Map<string, string>();
  let shown: OfferPreview["shown"] = null;
  let summary = t("console.testAsCustomer.noFunnel");

  if (funnel) {
    summary = t("console.testAsCustomer.allSkipped");
    let stepId: string | null = funnel.entryStepId;
    for (let hop = 0; stepId && hop < MAX_HOPS && !shown; hop++) {
      const step = await db.funnelStep.findUnique({ where: { id: stepId }, include: stepInclude });
      if (!step) break;
      const assignment = await readAssignment(customer.id, step);
      if (assignment.holdout) {
        path.push({ stepName: step.name, offerId: null, offerName: null, result: "holdout", why: t("console.testAsCustomer.whyHoldout") });
        summary = t("console.testAsCustomer.inHoldout");
        break;
      }
      const variant = step.variants.find((v) => v.id === assignment.variantId);
      for (const v of step.variants) {
        if (v.id !== variant?.id) explained.set(v.offerId, v.weightBps === 0 ? t("console.testAsCustomer.otherVariantRetired", { step: step.name }) : t("console.testAsCustomer.otherVariant", { step: step.name }));
      }
      if (!variant) {
        path.push({ stepName: step.name, offerId: null, offerName: null, result: "no_variant", why: t("console.testAsCustomer.noLiveVariant") });
        stepId = step.onDeclineStepId;
        continue;
      }
      const offer = offers.find((o) => o.id === variant.offerId)!;
      const e = eligibility(offer);
      if (!e.eligible) {
        const why = reasonText(e, names, locale);
        path.push({ stepName: step.name, offerId: offer.id, offerName: offer.name, result: "skipped", why });
        explained.set(offer.id, why);
        stepId = step.onDeclineStepId;
        continue;
      }
      const held = await openOfferOf(customer.id, offer.offeredProductId, now);
      // This purchase's own funnel showing the offer is the page itself, not an offer elsewhere.
      if (held && (!existing || held.funnelSessionId !== existing.id)) {
        const why = t("console.testAsCustomer.onOfferElsewhere");
        path.push({ stepName: step.name, offerId: offer.id, offerName: offer.name, result: "skipped", why });
        explained.set(offer.id, why);
        stepId = step.onDeclineStepId;
        continue;
      }
      const why = offerDiscountReady(offer) ? t("console.testAsCustomer.eligible") : t("console.testAsCustomer.eligibleNoCode");
      path.push({ stepName: step.name, offerId: offer.id, offerName: offer.name, result: "shown", why });
      shown = { offerId: offer.id, offerName: offer.name, headline: offer.headline, stepName: step.name };
      summary = t.markup("console.testAsCustomer.shows", { text: offer.headline, headline: (chunks) => chunks });
    }
  }

  const inFunnel = new Set<string>();
  if (funnel) {
    const steps = await db.funnelStep.findMany({ where: { funnelId: funnel.id }, select: { variants: { select: { offerId: true } } } });
    for (const s of steps) for (const v of s.variants) inFunnel.add(v.offerId);
  }
  const others: PreviewOther[] = offers
    .filter((o) => o.id !== shown?.offerId)
    .map((o) => {
      const given = explained.get(o.id);
      if (given) return { offerId: o.id, offerName: o.name, why: given };
      const e = eligibility(o);
      const own = e.eligible ? null : reasonText(e, names, locale);
      const where = !funnel || !inFunnel.has(o.id)
        ? o.kind === "CROSS_SELL" ? t("console.testAsCustomer.notInFunnelCrossSell") : t("console.testAsCustomer.notInFunnel")
        : shown ? t("console.testAsCustomer.afterShown") : t("console.testAsCustomer.notReached");
      return { offerId: o.id, offerName: o.name, why: own ? t("console.testAsCustomer.and", { where, why: own }) : where };
    });

  return ok({
    preview: {
      customer,
      purchase: { paymentId: payment.id, amount: formatMoney(money(payment.totalAmount, payment.currency), locale), at: payment.dodoCreatedAt },
      funnel: funnel && { id: funnel.id, name: funnel.name },
      shown,
      summary,
      path,
      others,
      note: existing ? t("console.testAsCustomer.alreadyOpened", { status: existing.status === "OPEN" ? t("console.testAsCustomer.sessionOpen") : existing.status === "COMPLETED" ? t("console.testAsCustomer.sessionCompleted") : t("console.testAsCustomer.sessionExpired") }) : null,
    },
  });
}
