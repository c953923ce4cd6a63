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

const REASONS: Record<SkipReason, string> = {
  inactive: "the offer is paused",
  archived_product: "its product is archived",
  not_triggered: "this purchase does not include a trigger product",
  below_min_order: "the order is below the offer's minimum order value",
  currency_mismatch: "the offer's product has no price in the order's currency",
  min_order_other_currency: "its minimum order value is set in another currency than the order",
  already_owned: "the customer already owns its product",
  declined_before: "the customer declined it before",
  frequency_cap: "the customer has seen it as often as its frequency cap allows",
  not_started: "its start date has not come yet",
  ended: "its end date has passed",
  not_targeted: "the customer is outside its targeting",
};

type Names = Parameters<typeof describeCondition>[1];

/** Why an offer is not eligible, in words, with its unmet targeting conditions spelled out. */
export function reasonText(e: Exclude<Eligibility, { eligible: true }>, names: Names): string {
  if (e.reason === "already_owned" && e.owned) return `the customer already owns ${names.product(e.owned)}`;
  if (e.reason !== "not_targeted") return REASONS[e.reason];
  if (!e.unmet?.length) return "its saved targeting can no longer be read; save the offer again";
  return `the customer does not meet: ${e.unmet.map((c) => describeCondition(c, names)).join("; ")}`;
}

/** The customer's assignment at a step without writing one: the stored one if still live, else the deterministic draw. */
async function readAssignment(customerId: string, step: StepForAssignment): Promise<Assignment> {
  const stored = await db.experimentAssignment.findUnique({ where: { customerId_stepId: { customerId, stepId: step.id } }, select: { variantId: true, holdout: true } });
  if (stored && (stored.holdout || (stored.variantId && step.variants.some((v) => v.id === stored.variantId && v.weightBps > 0)))) return stored;
  return chooseAssignment(customerId, step);
}

/** The customer's paid purchases that could open a funnel, newest first, for the view's picker. */
export async function previewablePurchases(customerId: string) {
  const payments = await db.payment.findMany({
    where: { customerId, status: "SUCCEEDED" },
    orderBy: { dodoCreatedAt: "desc" },
    take: 50,
    select: { id: true, totalAmount: true, currency: true, dodoCreatedAt: true, metadata: true, status: true },
  });
  return payments.filter(opensFunnel).map((p) => ({ id: p.id, label: `${formatMoney(money(p.totalAmount, p.currency))} · ${p.dodoCreatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` }));
}

/** Finds a customer by email, Encore id or Dodo customer id. */
export async function findCustomer(query: string) {
  const q = query.trim();
  if (!q) return null;
  return db.customer.findFirst({ where: { OR: [{ id: q }, { dodoCustomerId: q }, { email: { equals: q, mode: "insensitive" } }] }, orderBy: { createdAt: "desc" }, select: { id: true, email: true } });
}

export async function previewOffers(input: { customerId: string; paymentId: string }, now = new Date()): Promise<Result<{ preview: OfferPreview }, "not_found" | "opens_no_funnel">> {
  const customer = await db.customer.findUnique({ where: { id: input.customerId }, select: { id: true, email: true } });
  const payment = await db.payment.findFirst({ where: { id: input.paymentId, customerId: input.customerId } });
  if (!customer || !payment) return fail("not_found", "No such purchase for this customer.");
  if (!opensFunnel(payment)) return fail("opens_no_funnel", "This payment opens no offers: it has not succeeded, or it is itself an offer bought through checkout.");

  const existing = await db.funnelSession.findUnique({ where: { originPaymentId: payment.id }, select: { id: true, status: true } });
  const { rules: purchase } = await purchaseOf({ customerId: customer.id, originPaymentId: payment.id, orderAmount: payment.totalAmount, currency: payment.currency, startedAt: now });
  const [history, offers, products] = await Promise.all([
    customerHistory(customer.id, now),
    db.offer.findMany({ include: { offeredProduct: { include: { prices: true } }, bundleItems: bundleItemsInclude }, orderBy: { createdAt: "asc" } }),
    db.product.findMany({ select: { id: true, name: true } }),
  ]);
  const productName = new Map(products.map((p) => [p.id, p.name]));
  const names: Names = { product: (id) => productName.get(id) ?? id, amount: (minor, currency) => formatMoney(money(minor, currency)) };
  const eligibility = (o: (typeof offers)[number]) => offerEligibility({ ...o, product: o.offeredProduct, bundle: bundleOf(o) }, purchase, history, now);

  const funnel = await funnelFor(purchase?.productIds ?? []);
  const path: PreviewStep[] = [];
  const explained = new Map<string, string>();
  let shown: OfferPreview["shown"] = null;
  let summary = "No funnel applies to this purchase: none has an entry offer triggered by what was bought, or a catch-all one.";

  if (funnel) {
    summary = "Every step was skipped: the funnel ends without an offer.";
    let stepId: string | null = funnel.entryStepId;
    for (let hop = 0; stepId && hop < MAX_HOPS && !shown; hop++) {
      const step = await db.funnelStep.findUnique({ where: { id: stepId }, include: stepInclude });
      if (!step) break;
      const assignment = await readAssignment(customer.id, step);
      if (assignment.holdout) {
        path.push({ stepName: step.name, offerId: null, offerName: null, result: "holdout", why: "the customer falls in this step's holdout share: they see nothing, to measure lift" });
        summary = "The customer is in the holdout: the thank-you page shows no offer.";
        break;
      }
      const variant = step.variants.find((v) => v.id === assignment.variantId);
      for (const v of step.variants) {
        if (v.id !== variant?.id) explained.set(v.offerId, `another variant of step “${step.name}” is assigned to this customer${v.weightBps === 0 ? " (this one is retired)" : ""}`);
      }
      if (!variant) {
        path.push({ stepName: step.name, offerId: null, offerName: null, result: "no_variant", why: "the step has no live variant" });
        stepId = step.onDeclineStepId;
        continue;
      }
      const offer = offers.find((o) => o.id === variant.offerId)!;
      const e = eligibility(offer);
      if (!e.eligible) {
        const why = reasonText(e, names);
        path.push({ stepName: step.name, offerId: offer.id, offerName: offer.name, result: "skipped", why });
        explained.set(offer.id, why);
        stepId = step.onDeclineStepId;
        continue;
      }
      const held = await openOfferOf(customer.id, offer.offeredProductId, now);
      // This purchase's own funnel showing the offer is the page itself, not an offer elsewhere.
      if (held && (!existing || held.funnelSessionId !== existing.id)) {
        const why = "its product is already on offer to this customer elsewhere (one open offer per product)";
        path.push({ stepName: step.name, offerId: offer.id, offerName: offer.name, result: "skipped", why });
        explained.set(offer.id, why);
        stepId = step.onDeclineStepId;
        continue;
      }
      const caveat = !offerDiscountReady(offer)
        ? " (its Dodo discount code is not set up yet: it is created when first shown, and the offer is skipped if Dodo refuses)"
        : "";
      path.push({ stepName: step.name, offerId: offer.id, offerName: offer.name, result: "shown", why: `eligible${caveat}` });
      shown = { offerId: offer.id, offerName: offer.name, headline: offer.headline, stepName: step.name };
      summary = `The thank-you page shows “${offer.headline}”.`;
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
      const own = e.eligible ? null : reasonText(e, names);
      const where = !funnel || !inFunnel.has(o.id)
        ? o.kind === "CROSS_SELL" ? "it is not in the funnel this purchase opens (cross-sells also show on the account page)" : "it is not in the funnel this purchase opens"
        : shown ? "its step comes after the offer shown (it depends on the customer's answer)" : "its step is not reached";
      return { offerId: o.id, offerName: o.name, why: own ? `${where}; and ${own}` : where };
    });

  return ok({
    preview: {
      customer,
      purchase: { paymentId: payment.id, amount: formatMoney(money(payment.totalAmount, payment.currency)), at: payment.dodoCreatedAt },
      funnel: funnel && { id: funnel.id, name: funnel.name },
      shown,
      summary,
      path,
      others,
      note: existing ? `This purchase already opened its funnel (${existing.status.toLowerCase()}): its thank-you page continues where the customer is, which may differ from a fresh start shown here.` : null,
    },
  });
}
