// Seeds made at Dodo itself (the local sandbox), through the real SDK and the sandbox's control
// plane, for unit tests and e2e specs alike. Nothing here touches the app's database: unit tests
// then sync what they made, e2e specs wait for the app's webhooks.
import { randomUUID } from "node:crypto";
import type DodoPayments from "dodopayments";
import type { Product } from "dodopayments/resources/products/products";

/** The sandbox's control plane (`/_sandbox/…`): JSON in, JSON out, errors thrown with the body. */
export type SandboxControl = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** Both read when called: e2e settings exist only once the global setup has run. */
export function sandboxControl(url: () => string, apiKey: () => string): SandboxControl {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url()}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey()}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

/** A recurring plan at Dodo: `price` minor units of USD per `interval`. */
export function createPlan(client: DodoPayments, plan: { name: string; price: number; interval?: "Month" | "Year" }): Promise<Product> {
  return client.products.create({
    name: plan.name,
    tax_category: "saas",
    price: { type: "recurring_price", currency: "USD", price: plan.price, payment_frequency_count: 1, payment_frequency_interval: plan.interval ?? "Month", subscription_period_count: 10, subscription_period_interval: "Year", discount: 0, purchasing_power_parity: false },
  });
}

export type DodoSubscriber = { dodoCustomerId: string; subscriptionId: string; paymentId: string };

/**
 * A new customer who bought `productId` in one click with a 4242 card, settled. With `card: "0341"`
 * the subscription's card is then swapped for Dodo's "fails off-session" test card, as a customer
 * would in the portal.
 */
/** Cards a subscription can be switched to after it started: 0341 fails off-session, 3155 asks for 3-D Secure on every charge. */
const LATER_CARDS = { "0341": "4000000000000341", "3155": "4000002500003155" } as const;

export async function subscribeAtDodo(client: DodoPayments, control: SandboxControl, productId: string, card: "4242" | keyof typeof LATER_CARDS = "4242"): Promise<DodoSubscriber> {
  const customer = await client.customers.create({ email: `plans-${randomUUID()}@example.com`, name: "Plan Customer" });
  const attach = (card_number: string) => control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${customer.customer_id}/payment-methods`, { card_number });
  const visa = await attach("4242424242424242");
  const session = await client.checkoutSessions.create({
    product_cart: [{ product_id: productId, quantity: 1 }],
    customer: { customer_id: customer.customer_id },
    payment_method_id: visa.payment_method_id,
    confirm: true,
    // Only country and zip are known here, which Dodo accepts with minimal_address.
    minimal_address: true,
    billing_address: { country: "US", zipcode: "94107" },
    return_url: "http://127.0.0.1/unused",
  });
  await control("POST", "/_sandbox/settle");
  const paymentId = session.payment_id!;
  const subscriptionId = (await client.payments.retrieve(paymentId)).subscription_id!;
  if (card !== "4242") {
    const later = await attach(LATER_CARDS[card]);
    await client.subscriptions.updatePaymentMethod(subscriptionId, { payment_method: { type: "existing", payment_method_id: later.payment_method_id } });
  }
  return { dodoCustomerId: customer.customer_id, subscriptionId, paymentId };
}
