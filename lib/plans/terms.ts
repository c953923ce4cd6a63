// The merchant's ladder policy turned into the parameters of one Dodo change-plan call. Pure, so
// every policy combination is unit-tested without Dodo.
import type { SubscriptionChangePlanParams } from "dodopayments/resources/subscriptions";
import type { DowngradeTiming, PaymentFailurePolicy, ProrationMode } from "@/lib/generated/prisma/enums";
import type { Move } from "./ladder";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export type LadderPolicy = {
  upgradeProration: ProrationMode;
  upgradeOnPaymentFailure: PaymentFailurePolicy;
  downgradeTiming: DowngradeTiming;
  downgradeProration: ProrationMode;
  allowIntervalChange: boolean;
};

/** What we send to Dodo for one move; stored on the PlanChange so confirm repeats it exactly. */
export type ChangeTerms = { prorationMode: ProrationMode; timing: DowngradeTiming; onPaymentFailure: PaymentFailurePolicy };

export type TermsResult = { ok: true; terms: ChangeTerms } | { ok: false; code: "interval_change_not_allowed"; message: string };

/**
 * Upgrades and downgrades follow the merchant's policy. Interval changes are treated on their own,
 * because Dodo prorates with the *current* period's factor, which is meaningless across intervals
 * (half a month of a yearly price): a move to a longer interval bills the new plan in full and
 * restarts the cycle today (`full_immediately`); a move to a shorter one waits for the end of the
 * period already paid for (`next_billing_date`, nothing billed now).
 *
 * Dodo accepts `effective_at: next_billing_date` only with `full_immediately` (any other mode is 422
 * INVALID_PRORATION_MODE_WITH_NEXT_BILLING_DATE); scheduled that way nothing is charged at the call
 * and the new plan is billed in full from the renewal it takes effect at.
 */
const SCHEDULED: ChangeTerms = { prorationMode: "FULL_IMMEDIATELY", timing: "NEXT_BILLING_DATE", onPaymentFailure: "PREVENT_CHANGE" };

export function termsFor(policy: LadderPolicy, move: Move): TermsResult {
  if (move.intervalChange !== "none" && !policy.allowIntervalChange) {
    return { ok: false, code: "interval_change_not_allowed", message: "Switching between monthly and yearly billing is not available for this plan." };
  }
  if (move.intervalChange === "longer") {
    return { ok: true, terms: { prorationMode: "FULL_IMMEDIATELY", timing: "IMMEDIATELY", onPaymentFailure: policy.upgradeOnPaymentFailure } };
  }
  if (move.intervalChange === "shorter") return { ok: true, terms: SCHEDULED };
  if (move.direction === "upgrade") {
    return { ok: true, terms: { prorationMode: policy.upgradeProration, timing: "IMMEDIATELY", onPaymentFailure: policy.upgradeOnPaymentFailure } };
  }
  // Billed at the new price from the next renewal; nothing now, no credit.
  if (policy.downgradeTiming === "NEXT_BILLING_DATE") return { ok: true, terms: SCHEDULED };
  // An immediate downgrade normally credits rather than charges; if a mode does charge, a failed
  // charge must not leave the customer on hold for moving down.
  return { ok: true, terms: { prorationMode: policy.downgradeProration, timing: "IMMEDIATELY", onPaymentFailure: "PREVENT_CHANGE" } };
}

const PRORATION: Record<ProrationMode, SubscriptionChangePlanParams["proration_billing_mode"]> = {
  PRORATED_IMMEDIATELY: "prorated_immediately",
  DIFFERENCE_IMMEDIATELY: "difference_immediately",
  FULL_IMMEDIATELY: "full_immediately",
  DO_NOT_BILL: "do_not_bill",
};

export type PlanSelection = {
  productId: string;
  quantity: number;
  addons: Array<{ addon_id: string; quantity: number }>;
  /** Dodo discount codes for the new plan (a discounted save offer); omitted: Dodo's own rule for existing discounts. */
  discountCodes?: string[];
};

/**
 * A discount on the subscriber's current plan, sent as change-plan to the same product with only
 * `discount_codes` new. Dodo documents same-product changes for quantity and addons only; whether a
 * discount-only one is accepted and how it is billed is not documented (the sandbox's
 * `same_plan_discount_change` switch, strict default: refused). So Encore picks terms that cannot
 * charge for what the customer already has: prorated over the rest of the period (documented
 * formula; a lower price can only credit), applied now, and never put on hold by a failed charge.
 * The customer sees Dodo's preview before anything is sent; a refusal leaves "Cancel anyway" and
 * "Keep my subscription" on screen.
 */
export const SAME_PLAN_DISCOUNT_TERMS: ChangeTerms = { prorationMode: "PRORATED_IMMEDIATELY", timing: "IMMEDIATELY", onPaymentFailure: "PREVENT_CHANGE" };

/**
 * The change-plan body, identical for the preview and the real call. Addons are always sent:
 * Dodo removes existing addons when they are omitted.
 */
export function changePlanParams(terms: ChangeTerms, plan: PlanSelection): SubscriptionChangePlanParams {
  return {
    product_id: plan.productId,
    quantity: plan.quantity,
    addons: plan.addons,
    proration_billing_mode: PRORATION[terms.prorationMode],
    effective_at: terms.timing === "NEXT_BILLING_DATE" ? "next_billing_date" : "immediately",
    on_payment_failure: terms.onPaymentFailure === "APPLY_CHANGE" ? "apply_change" : "prevent_change",
    ...(plan.discountCodes ? { discount_codes: plan.discountCodes } : {}),
  };
}

/**
 * How the numbers come about, and what happens to the time already paid for, for the preview
 * (text only; the numbers are Dodo's; the modes as dodo-api.md §6.5 describes them).
 */
export function termsExplanation(terms: ChangeTerms, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if (terms.timing === "NEXT_BILLING_DATE") return t("plans.terms.scheduled");
  switch (terms.prorationMode) {
    case "DIFFERENCE_IMMEDIATELY":
      return t("plans.terms.difference");
    case "PRORATED_IMMEDIATELY":
      return t("plans.terms.prorated");
    case "FULL_IMMEDIATELY":
      return t("plans.terms.full");
    case "DO_NOT_BILL":
      return t("plans.terms.doNotBill");
  }
}
