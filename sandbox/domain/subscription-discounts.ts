import type { DiscountDetail, SubscriptionChangePlanParams } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import type { PlanSelection, SubscriptionDiscount, SubscriptionRecord } from "../state/types";
import { planLines } from "./catalog";
import { applyDiscounts, resolveDiscountCodes } from "./discount-redemption";
import { discountDetails } from "./discounts";
import type { PriceLine } from "./proration";

// Discounts carried by a subscription: which ones a change-plan call leaves on it, what they take
// off a cycle of the plan, and how renewals use up their cycles. Sources:
// - SDK SubscriptionChangePlanParams.discount_codes: "Stacked discount codes to apply to the new plan.
//   Max 20. Cannot be used together with discount_code. If provided, replaces any existing discount
//   codes. Empty array removes all discounts. If not provided (None), existing discounts with
//   preserve_on_plan_change=true are preserved." Docs changelog v1.99.0 adds "if applicable to the new
//   product", and that codes apply in array order, each on the price the previous ones left.
// - SDK Discount.subscription_cycles: "Number of subscription billing cycles this discount is valid for.
//   If not provided, the discount will be applied indefinitely to all recurring payments related to
//   the subscription." DiscountDetail.cycles_remaining: "Remaining billing cycles for this discount on
//   this subscription".
// UNCONFIRMED (docs silent), each a switch in settings.ts: whether the change-plan charge itself uses
// up one of the cycles (`plan_change_discount_uses_cycle`); a discount whose cycles are used up is
// removed from the subscription (the stand-in; Dodo may keep it with cycles_remaining 0).

/** The discounts the subscription carries after a change to `target`, per the request's codes. */
export function discountsAfterChange(core: SandboxCore, record: SubscriptionRecord, target: PlanSelection, params: SubscriptionChangePlanParams): SubscriptionDiscount[] {
  const asked = params.discount_codes != null || (params.discount_code != null && params.discount_code !== "");
  if (!asked) {
    return record.discounts.filter((d) => {
      const discount = core.state.discounts[d.discount_id]?.discount;
      return discount?.preserve_on_plan_change === true && (discount.restricted_to.length === 0 || discount.restricted_to.includes(target.product_id));
    });
  }
  const ids = resolveDiscountCodes(core, params);
  // Checks each code can be redeemed by this customer on the new plan (expired, not for this
  // product, usage limits…) with the codes' own error codes; the amounts come from discountedLines.
  if (ids.length > 0) applyDiscounts(core, { lines: cartLines(core, target), currency: record.currency }, ids, record.customer_id, { subscriptionLines: true });
  const usesCycle = core.settings.plan_change_discount_uses_cycle;
  return ids.map((id) => {
    const cycles = core.state.discounts[id]!.discount.subscription_cycles ?? null;
    return { discount_id: id, cycles_remaining: cycles === null ? null : Math.max(0, cycles - (usesCycle ? 1 : 0)) };
  });
}

function cartLines(core: SandboxCore, plan: PlanSelection) {
  return planLines(core, plan).map((line) => ({
    // Addon lines are not products: only an unrestricted discount reaches them.
    product_id: line.type === "subscription" ? line.id : `addon:${line.id}`,
    quantity: 1,
    addons: [],
    amount: line.unit_price * line.quantity,
    discount: 0,
    is_subscription: true,
  }));
}

/**
 * One cycle of `plan` with the subscription's `discounts` taken off, as price lines (quantity 1, the
 * discounted line total) for the proration and renewal math. Attached discounts apply without being
 * redeemed again: a later expiry or deletion of the code does not take them off the subscription.
 */
export function discountedLines(core: SandboxCore, plan: PlanSelection, currency: SubscriptionRecord["currency"], discounts: SubscriptionDiscount[]): PriceLine[] {
  const lines = planLines(core, plan);
  const ids = discounts.filter((d) => d.cycles_remaining === null || d.cycles_remaining > 0).map((d) => d.discount_id);
  if (ids.length === 0) return lines;
  const cart = applyDiscounts(core, { lines: cartLines(core, plan), currency }, ids, null, { subscriptionLines: true, attached: true });
  return lines.map((line, i) => ({ type: line.type, id: line.id, unit_price: cart.lines[i]!.amount - cart.lines[i]!.discount, quantity: 1 }));
}

/** A renewal used one cycle of each discount it applied; used-up discounts leave the subscription. */
export function spendRenewalCycle(record: SubscriptionRecord): string[] {
  const applied = record.discounts.filter((d) => d.cycles_remaining === null || d.cycles_remaining > 0).map((d) => d.discount_id);
  record.discounts = record.discounts
    .map((d) => (d.cycles_remaining === null ? d : { ...d, cycles_remaining: d.cycles_remaining - 1 }))
    .filter((d) => d.cycles_remaining === null || d.cycles_remaining > 0);
  return applied;
}

/** SDK `Subscription.discounts`: "All stacked discounts applied, ordered by position", with their cycles left. */
export function subscriptionDiscountDetails(core: SandboxCore, discounts: SubscriptionDiscount[]): DiscountDetail[] | null {
  const left = new Map(discounts.map((d) => [d.discount_id, d.cycles_remaining]));
  return discountDetails(core, discounts.map((d) => d.discount_id), (id) => left.get(id) ?? null);
}
