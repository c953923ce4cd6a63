// A child process for the multi-instance test (tests/unit/jobs/instances.test.ts), run with tsx
// against the database and sandbox in its environment:
//   seed <file>  makes the scenario at the sandbox and in the database, writes what it made to <file>;
//   app <file>   is one app instance: for every offer in <file> it accepts it in one click, and
//                confirms every plan change, all at once — the code the thank-you page's "Accept"
//                and the plan page's "Confirm" actions run — racing any other instance doing the same.
import fs from "node:fs";
import DodoPayments from "dodopayments";
import { acceptOffer } from "@/lib/checkout/one-click";
import { db } from "@/lib/db/client";
import { startFunnelSession } from "@/lib/offers/funnel";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { syncPayment } from "@/lib/sync/sync";
import { sandboxControl } from "../dodo-seed";
import { createLadder, subscribe } from "../plans";
import { seedOffer, seedUpsellFunnel, uid } from "../seed";

export type Scenario = {
  /** One-click offers; `lost`: Dodo charges and the answer is lost; otherwise Dodo does nothing (500). */
  offers: { impressionId: string; customerId: string; dodoCustomerId: string; email: string; productId: string; lost: boolean }[];
  /** Plan changes to confirm; `lost`: Dodo changes the plan and the answer is lost; otherwise nothing happens. */
  planChanges: { token: string; customerId: string; subscriptionId: string; toProductId: string; lost: boolean }[];
  /** Funnel sessions opened with windows already over: their expiry jobs are due. */
  sessions: string[];
};

const baseURL = process.env.DODO_PAYMENTS_BASE_URL!;
const apiKey = process.env.DODO_PAYMENTS_API_KEY!;
const client = new DodoPayments({ bearerToken: apiKey, baseURL, maxRetries: 0 });
const control = sandboxControl(() => baseURL, () => apiKey);

async function product(name: string, price: number) {
  return client.products.create({ name: `${name} ${uid()}`, price: { type: "one_time_price", currency: "USD", price, discount: 0, purchasing_power_parity: false }, tax_category: "edtech" });
}

/** A customer who bought a course in one click (full address), mirrored; then shown a $19 offer. */
async function offerFor(lost: boolean): Promise<Scenario["offers"][number]> {
  const [course, extra] = await Promise.all([product("Course", 4900), product("Extra", 1900)]);
  const dodoCustomer = await client.customers.create({ email: `${uid("buyer")}@example.com`, name: "Multi Instance" });
  const card = await control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${dodoCustomer.customer_id}/payment-methods`, { card_number: "4242424242424242" });
  const bought = await client.checkoutSessions.create({
    product_cart: [{ product_id: course.product_id, quantity: 1 }], customer: { customer_id: dodoCustomer.customer_id }, payment_method_id: card.payment_method_id,
    confirm: true, billing_address: { country: "US", state: "CA", city: "San Francisco", street: "1 Market St", zipcode: "94107" },
  });
  await control("POST", "/_sandbox/settle");
  const payment = await syncPayment(bought.payment_id!, { dodo: client });
  await db.product.upsert({ where: { id: extra.product_id }, create: { id: extra.product_id, name: extra.name!, kind: "ONE_TIME", priceAmount: 1900, currency: "USD" }, update: {} });
  const offer = await seedOffer(extra.product_id, { kind: "CROSS_SELL", triggers: [course.product_id] });
  const impression = await db.offerImpression.create({
    data: { customerId: payment.customerId, offerId: offer.id, placement: "ACCOUNT", priceAmount: 1900, listPriceAmount: 1900, currency: "USD", paymentMethodId: card.payment_method_id, expiresAt: new Date(Date.now() + 15 * 60_000) },
  });
  await control("POST", "/_sandbox/faults", { endpoint: "POST /checkouts", customer_id: dodoCustomer.customer_id, times: 1, ...(lost ? { lose_answer: 502 } : { error_rate: 1 }) });
  return { impressionId: impression.id, customerId: payment.customerId, dodoCustomerId: dodoCustomer.customer_id, email: dodoCustomer.email, productId: extra.product_id, lost };
}

/** A Basic subscriber with a locked quote to move up to Pro. */
async function planChangeFor(lost: boolean): Promise<Scenario["planChanges"][number]> {
  const ladder = await createLadder({ client });
  const s = await subscribe({ client, control }, ladder.basic);
  const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.pro }, { client });
  if (!preview.ok) throw new Error(preview.message);
  await control("POST", "/_sandbox/faults", { endpoint: `POST /subscriptions/${s.subscriptionId}/change-plan`, times: 1, ...(lost ? { lose_answer: 502 } : { error_rate: 1 }) });
  return { token: preview.quote.token, customerId: s.customerId, subscriptionId: s.subscriptionId, toProductId: ladder.pro, lost };
}

/** A funnel session whose window closed a minute ago. */
async function closedSession(): Promise<string> {
  const course = await product("Funnel course", 4900);
  const [up, down] = await Promise.all([product("Up", 900), product("Down", 500)]);
  for (const p of [course, up, down]) await db.product.create({ data: { id: p.product_id, name: p.name!, kind: "ONE_TIME", priceAmount: 900, currency: "USD" } });
  const upsell = await seedOffer(up.product_id, { triggers: [course.product_id] });
  const downsell = await seedOffer(down.product_id, { kind: "DOWNSELL", triggers: [course.product_id] });
  await seedUpsellFunnel(upsell.id, downsell.id);
  const customer = await db.customer.create({ data: { dodoCustomerId: uid("cus"), email: `${uid("f")}@example.com` } });
  const id = await startFunnelSession(
    { customerId: customer.id, paymentId: uid("pay"), subscriptionId: null, productIds: [course.product_id], orderAmount: 4900, currency: "USD" },
    new Date(Date.now() - 16 * 60_000),
  );
  if (!id) throw new Error("no funnel session opened");
  return id;
}

async function seed(): Promise<Scenario> {
  const offers = await Promise.all([true, false, true, false].map(offerFor));
  const planChanges = [await planChangeFor(true), await planChangeFor(false)];
  const sessions = [await closedSession(), await closedSession()];
  return { offers, planChanges, sessions };
}

async function app(scenario: Scenario): Promise<void> {
  await Promise.all([
    ...scenario.offers.map((o) => acceptOffer({ impressionId: o.impressionId, customerId: o.customerId }, { client })),
    ...scenario.planChanges.map((c) => confirmPlanChange({ customerId: c.customerId, token: c.token }, { client })),
  ]);
}

const [role, file] = process.argv.slice(2);
try {
  if (role === "seed") fs.writeFileSync(file!, JSON.stringify(await seed()));
  else if (role === "app") await app(JSON.parse(fs.readFileSync(file!, "utf8")) as Scenario);
  else throw new Error(`unknown role ${role}`);
} finally {
  await db.$disconnect();
}
