// A customer's way into a post-purchase funnel against a real in-process sandbox, for unit tests
// of one-click outcomes: a $49 course bought on the hosted page (any test card, its 3-D Secure
// step completed when the card asks for one), then a $99 coaching upsell with a $29 workbook
// downsell on decline or failed payment.
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { completeCheckoutReturn } from "@/lib/checkout/complete-return";
import { startHostedCheckout } from "@/lib/checkout/intents";
import { currentFunnelOffer } from "@/lib/offers/funnel";
import { submitAuthentication } from "./sandbox";
import { seedOffer, seedUpsellFunnel, uid } from "./seed";

/** Completes or fails the sandbox's 3-D Secure page at `url`; answers where it redirects. */
export async function answerAuthentication(url: string, outcome: "complete" | "fail"): Promise<string | null> {
  const answer = await submitAuthentication(url, outcome);
  if (answer.status >= 400) throw new Error(`authentication page answered ${answer.status}`);
  return answer.location;
}

async function product(client: DodoPayments, price: number) {
  const p = await client.products.create({ name: uid("Product"), price: { type: "one_time_price", currency: "USD", price, discount: 0, purchasing_power_parity: false }, tax_category: "edtech" });
  return db.product.create({ data: { id: p.product_id, name: p.name!, kind: "ONE_TIME", priceAmount: price, currency: "USD" } });
}

export async function buyCourseIntoFunnel(client: DodoPayments, opts: { card?: string } = {}) {
  const [course, coaching, workbook] = await Promise.all([product(client, 4900), product(client, 9900), product(client, 2900)]);
  const upsell = await seedOffer(coaching.id, { triggers: [course.id] });
  const downsell = await seedOffer(workbook.id, { kind: "DOWNSELL", triggers: [course.id] });
  await seedUpsellFunnel(upsell.id, downsell.id);
  const started = await startHostedCheckout({ productId: course.id, customer: null }, client);
  if (!started.ok) throw new Error(started.message);
  const paid = await fetch(started.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: `${uid("buyer")}@example.com`, name: "Bea Buyer", country: "US", zipcode: "10001", card_number: opts.card ?? "4242424242424242" }),
    redirect: "manual",
  });
  let back = paid.headers.get("location")!;
  if (back.includes("/authenticate/")) back = (await answerAuthentication(back, "complete"))!;
  const returned = await completeCheckoutReturn(new URL(back).searchParams.get("token"), null, client);
  if (!returned.ok) throw new Error(returned.message);
  const customer = await db.customer.findUniqueOrThrow({ where: { id: returned.customerId }, select: { id: true, dodoCustomerId: true, email: true, name: true } });
  const session = await db.funnelSession.findFirstOrThrow({ where: { customerId: customer.id } });
  const show = () => currentFunnelOffer(session.id, customer);
  const first = await show();
  if (first.state !== "offer") throw new Error(`expected the upsell, got ${first.state}`);
  return { customer, course, coaching, workbook, upsell, downsell, intentId: returned.intentId, sessionId: session.id, impressionId: first.offer.impressionId, show };
}
