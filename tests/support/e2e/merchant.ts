// Helpers for the merchant-console specs: merchant users and records seeded straight into the
// app's database, sign-in through the real form, and cookies a customer (not a merchant) holds.
import { expect, type Page } from "@playwright/test";
import { hashPassword } from "../../../lib/auth/password";
import { appToken, dodo, sql, uid } from "./env";

export async function createMerchant(): Promise<{ email: string; password: string }> {
  const email = `merchant-${uid()}@example.com`;
  const password = `pw-${uid()}-${uid()}`;
  await sql(`INSERT INTO "MerchantUser" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [uid("mu_"), email, await hashPassword(password)]);
  return { email, password };
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/merchant/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/merchant$/);
  await expect(page.getByTestId("merchant-email")).toHaveText(user.email);
}

/** A genuine customer session token (what a buyer's browser holds), signed with the app's secret. */
export function customerToken(customerId = uid("cust_")): string {
  return appToken("customer-session", { c: customerId }, 3600);
}

/** A one-time product mirrored into the catalogue (merchant pages only need the mirror). */
export async function insertProduct(name: string, price: number, kind: "ONE_TIME" | "SUBSCRIPTION" = "ONE_TIME") {
  const id = uid("pdt_e2e_");
  await sql(
    `INSERT INTO "Product" (id, name, kind, "priceAmount", currency, "billingInterval", "billingIntervalCount", "updatedAt") VALUES ($1, $2, $3, $4, 'USD', $5, $6, now())`,
    [id, `${name} ${uid()}`, kind, price, kind === "SUBSCRIPTION" ? "MONTH" : null, kind === "SUBSCRIPTION" ? 1 : null],
  );
  return id;
}

/** A one-time product that exists only in the Dodo sandbox: a catalogue sync would mirror it. */
export async function sandboxOnlyProduct(name: string, price: number): Promise<string> {
  const product = await dodo().products.create({ name: `${name} ${uid()}`, price: { type: "one_time_price", currency: "USD", price }, tax_category: "saas" });
  return product.product_id;
}

export type ConsoleSeed = { offerId: string; crossSellId: string; funnelId: string; ladderId: string; plans: string[] };

/**
 * A console with something on every page: products and a ranked plan ladder, an upsell in a
 * two-step funnel and a cross-sell, a failed webhook event, and today an accepted offer with its
 * payment and an applied upgrade with its charge (so the stats page draws its charts and tables).
 */
export async function seedConsole(): Promise<ConsoleSeed> {
  const product = await insertProduct("Console product", 2500);
  const ladderId = uid("lad_");
  await sql(`INSERT INTO "PlanLadder" (id, name, "updatedAt") VALUES ($1, $2, now())`, [ladderId, `Console ladder ${ladderId}`]);
  const plans: string[] = [];
  for (const [rank, price] of [[2, 8000], [1, 3000]] as const) {
    // Names sort the other way round from ranks: the ranking must follow the ranks.
    const plan = await insertProduct(rank === 1 ? "Starter plan" : "Advanced plan", price, "SUBSCRIPTION");
    await sql(`UPDATE "Product" SET "ladderId" = $1, "planRank" = $2 WHERE id = $3`, [ladderId, rank, plan]);
    plans.push(plan);
  }
  const [offerId, crossSellId] = [uid("off_"), uid("off_")];
  // Triggered by a product nobody buys: a catch-all funnel would take other specs' purchases.
  const trigger = await insertProduct("Console trigger nobody buys", 1000);
  await sql(`INSERT INTO "Offer" (id, name, kind, "triggerProductIds", "offeredProductId", headline, "updatedAt") VALUES ($1, $2, 'UPSELL', $3, $4, 'Add the console product', now())`, [offerId, `Console upsell ${offerId}`, [trigger], product]);
  await sql(`INSERT INTO "Offer" (id, name, kind, "triggerProductIds", "offeredProductId", headline, "updatedAt") VALUES ($1, $2, 'CROSS_SELL', $3, $4, 'Also take this', now())`, [crossSellId, `Console cross-sell ${crossSellId}`, [plans[1]], product]);
  const funnelId = uid("fnl_");
  const [step1, step2] = [uid("stp_"), uid("stp_")];
  await sql(`INSERT INTO "Funnel" (id, name, "updatedAt") VALUES ($1, $2, now())`, [funnelId, `Console funnel ${funnelId}`]);
  await sql(`INSERT INTO "FunnelStep" (id, "funnelId", position, name, "holdoutBps", "updatedAt") VALUES ($1, $2, 1, 'Upsell', 1000, now()), ($3, $2, 2, 'Second', 0, now())`, [step1, funnelId, step2]);
  const variant = uid("var_");
  await sql(`INSERT INTO "StepVariant" (id, "stepId", "offerId") VALUES ($1, $2, $3)`, [variant, step1, offerId]);
  await sql(`UPDATE "Funnel" SET "entryStepId" = $1 WHERE id = $2`, [step1, funnelId]);
  await sql(`INSERT INTO "WebhookEvent" (id, type, payload, "eventTimestamp", outcome, error) VALUES ($1, 'payment.succeeded', '{}', now(), 'FAILED', 'seeded failure')`, [uid("evt_")]);

  const customerId = uid("cus_");
  await sql(`INSERT INTO "Customer" (id, "dodoCustomerId", email, "updatedAt") VALUES ($1, $2, $3, now())`, [customerId, uid("cus_dodo_"), `${customerId}@example.com`]);
  const sessionId = uid("fs_");
  await sql(`INSERT INTO "FunnelSession" (id, "customerId", "funnelId", "orderAmount", currency, "expiresAt") VALUES ($1, $2, $3, 4900, 'USD', now() + interval '15 minutes')`, [sessionId, customerId, funnelId]);
  const impressionId = uid("imp_");
  await sql(
    `INSERT INTO "OfferImpression" (id, "customerId", "offerId", "stepId", "variantId", "funnelSessionId", placement, "priceAmount", "listPriceAmount", currency, "expiresAt")
     VALUES ($1, $2, $3, $4, $5, $6, 'THANK_YOU', 2500, 2500, 'USD', now() + interval '15 minutes')`,
    [impressionId, customerId, offerId, step1, variant, sessionId],
  );
  await sql(`INSERT INTO "OfferDecision" (id, "impressionId", outcome) VALUES ($1, $2, 'ACCEPTED')`, [uid("dec_"), impressionId]);
  const paymentId = uid("pay_");
  await sql(`INSERT INTO "Payment" (id, "customerId", "impressionId", status, "totalAmount", currency, "dodoCreatedAt", "sourceUpdatedAt", "updatedAt") VALUES ($1, $2, $3, 'SUCCEEDED', 2500, 'USD', now(), now(), now())`, [paymentId, customerId, impressionId]);

  const subscriptionId = uid("sub_");
  await sql(
    `INSERT INTO "Subscription" (id, "customerId", "productId", quantity, status, "recurringAmount", currency, "nextBillingDate", "previousBillingDate", "sourceUpdatedAt", "dodoCreatedAt", "updatedAt")
     VALUES ($1, $2, $3, 1, 'ACTIVE', 8000, 'USD', now() + interval '20 days', now() - interval '10 days', now(), now(), now())`,
    [subscriptionId, customerId, plans[0]],
  );
  const changePayment = uid("pay_");
  await sql(`INSERT INTO "Payment" (id, "customerId", "subscriptionId", status, "totalAmount", currency, "dodoCreatedAt", "sourceUpdatedAt", "updatedAt") VALUES ($1, $2, $3, 'SUCCEEDED', 3300, 'USD', now(), now(), now())`, [changePayment, customerId, subscriptionId]);
  await sql(
    `INSERT INTO "PlanChange" (id, "subscriptionId", "fromProductId", "toProductId", "prorationMode", "effectiveAt", "onPaymentFailure", "quotedAmount", "quotedCredits", currency, status, "dodoPaymentId", "ladderId", direction, origin, "mrrDeltaAmount", "submittedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'PRORATED_IMMEDIATELY', 'IMMEDIATELY', 'PREVENT_CHANGE', 3300, 0, 'USD', 'APPLIED', $5, $6, 'UPGRADE', 'PLAN_PAGE', 5000, now(), now())`,
    [uid("pc_"), subscriptionId, plans[1], plans[0], changePayment, ladderId],
  );
  return { offerId, crossSellId, funnelId, ladderId, plans };
}
