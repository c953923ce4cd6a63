import type { PaymentRetrieveLineItemsResponse } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import type { PaymentRecord } from "../state/types";
import { getProduct } from "./catalog";

export type LineItem = PaymentRetrieveLineItemsResponse.Item;

/**
 * `GET /payments/{id}/line-items`: one line per product charged (SDK `items_id` is the product or
 * addon id a refund item names), with what is still refundable. One-time lines come from the cart as
 * charged (after discounts); a subscription payment has one line for the subscription's product.
 */
export function paymentLineItems(core: SandboxCore, payment: PaymentRecord): LineItem[] {
  const lines = payment.product_cart ?? [];
  // `product_cart` lists the session's one-time lines in order; those know what was charged after discounts.
  const session = payment.checkout_session_id ? core.state.checkouts[payment.checkout_session_id] : undefined;
  const charged = session?.cart.filter((l) => !l.is_subscription);
  const items: LineItem[] = lines.map((line, i) => {
    const product = getProduct(core, line.product_id);
    const sessionLine = charged?.[i];
    const listPrice = product.price.type === "one_time_price" ? product.price.price * line.quantity : 0;
    const amount = sessionLine ? sessionLine.amount - sessionLine.discount : listPrice;
    return { amount, items_id: line.product_id, refundable_amount: amount, tax: 0, description: product.description ?? null, name: product.name ?? null };
  });
  const sub = payment.subscription_id ? core.state.subscriptions[payment.subscription_id] : undefined;
  if (sub) {
    const product = getProduct(core, sub.plan.product_id);
    const amount = payment.total_amount - items.reduce((sum, item) => sum + item.amount, 0);
    items.push({ amount, items_id: product.product_id, refundable_amount: amount, tax: 0, description: product.description ?? null, name: product.name ?? null });
  }
  for (const item of items) item.refundable_amount = item.amount - refundedFromItem(core, payment, item.items_id);
  return items;
}

function refundedFromItem(core: SandboxCore, payment: PaymentRecord, itemId: string): number {
  return payment.refund_ids
    .map((id) => core.state.refunds[id]!)
    .filter((r) => r.refund.status !== "failed")
    .flatMap((r) => r.items)
    .filter((item) => item.item_id === itemId)
    .reduce((sum, item) => sum + item.amount, 0);
}
