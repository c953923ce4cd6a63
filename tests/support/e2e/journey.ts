// Seed helpers for the customer-journey specs: each test creates its own products in the
// sandbox (through the SDK), mirrors them into the app database, and wires its own funnel, so
// tests never share offers. Also drives Dodo's hosted checkout page like a customer would.
import { expect, type Page } from "@playwright/test";
import { dodo, sql, uid } from "./env";

/** A one-time product in the sandbox, mirrored into the app's catalogue. */
export async function createProduct(name: string, price: number, currency: "USD" | "EUR" = "USD") {
  const product = await dodo().products.create({
    name: `${name} ${uid()}`,
    description: `${name} (e2e)`,
    price: { type: "one_time_price", currency, price },
    tax_category: "edtech",
  });
  await sql(
    `INSERT INTO "Product" (id, name, description, kind, "priceAmount", currency, "updatedAt") VALUES ($1, $2, $3, 'ONE_TIME', $4, $5, now())`,
    [product.product_id, product.name, product.description, price, currency],
  );
  return { id: product.product_id, name: product.name! };
}

export async function insertOffer(kind: string, offeredProductId: string, triggers: string[], headline: string, discountBps = 0) {
  const id = uid("off_");
  await sql(
    `INSERT INTO "Offer" (id, name, kind, "triggerProductIds", "offeredProductId", headline, body, "discountBps", "updatedAt") VALUES ($1, $1, $2, $3, $4, $5, 'Only on this page.', $6, now())`,
    [id, kind, triggers, offeredProductId, headline, discountBps],
  );
  return id;
}

export type JourneyCatalogue = Awaited<ReturnType<typeof seedJourney>>;

/**
 * Course ($49) with a funnel: upsell (coaching, $99) → on decline or failed payment a downsell
 * (workbook, $29). Plus a cross-sell for the account page (templates, $19). `upsellDiscountBps`
 * discounts the upsell as the demo offers do (2000 = 20% off). `acceptStep` adds the demo's third
 * step after an accepted upsell: the template pack at 10% off, while the account page's cross-sell
 * offers it at `crossSellDiscountBps`. `windowSecs` is the funnel's offer window (default 900).
 */
export async function seedJourney(opts: { upsellDiscountBps?: number; acceptStep?: boolean; crossSellDiscountBps?: number; windowSecs?: number } = {}) {
  const [course, coaching, workbook, templates] = await Promise.all([
    createProduct("Course", 4900),
    createProduct("Coaching call", 9900),
    createProduct("Workbook", 2900),
    createProduct("Template pack", 1900),
  ]);
  const upsellOffer = await insertOffer("UPSELL", coaching.id, [course.id], "Add a coaching call", opts.upsellDiscountBps);
  const downsellOffer = await insertOffer("DOWNSELL", workbook.id, [course.id], "Take the workbook instead");
  const crossSellOffer = await insertOffer("CROSS_SELL", templates.id, [course.id], "Templates for your course", opts.crossSellDiscountBps);
  const funnel = uid("fnl_");
  const [upStep, downStep, acceptStep] = [uid("stp_"), uid("stp_"), uid("stp_")];
  await sql(`INSERT INTO "Funnel" (id, name, "windowSecs", "updatedAt") VALUES ($1, $1, $2, now())`, [funnel, opts.windowSecs ?? 900]);
  await sql(`INSERT INTO "FunnelStep" (id, "funnelId", position, name, "updatedAt") VALUES ($1, $2, 2, 'downsell', now())`, [downStep, funnel]);
  let templatesOffer: string | null = null;
  if (opts.acceptStep) {
    templatesOffer = await insertOffer("UPSELL", templates.id, [course.id], "Finish faster with the templates", 1000);
    await sql(`INSERT INTO "FunnelStep" (id, "funnelId", position, name, "updatedAt") VALUES ($1, $2, 3, 'after yes', now())`, [acceptStep, funnel]);
    await sql(`INSERT INTO "StepVariant" (id, "stepId", "offerId") VALUES ($1, $2, $3)`, [uid("var_"), acceptStep, templatesOffer]);
  }
  await sql(
    `INSERT INTO "FunnelStep" (id, "funnelId", position, name, "onDeclineStepId", "onFailStepId", "onAcceptStepId", "updatedAt") VALUES ($1, $2, 1, 'upsell', $3, $3, $4, now())`,
    [upStep, funnel, downStep, opts.acceptStep ? acceptStep : null],
  );
  await sql(`INSERT INTO "StepVariant" (id, "stepId", "offerId") VALUES ($1, $2, $3), ($4, $5, $6)`, [uid("var_"), upStep, upsellOffer, uid("var_"), downStep, downsellOffer]);
  await sql(`UPDATE "Funnel" SET "entryStepId" = $1 WHERE id = $2`, [upStep, funnel]);
  return { course, coaching, workbook, templates, upsellOffer, downsellOffer, crossSellOffer, templatesOffer, funnel };
}

/** Pays on the sandbox's hosted checkout page with a test card. */
export async function payOnHostedPage(page: Page, opts: { email?: string; card: string }) {
  await page.waitForURL(/\/checkout\/cks_/);
  if (opts.email) await page.fill("#email", opts.email);
  await page.fill("#name", "E2E Customer");
  await page.fill("#zipcode", "94107");
  await page.check(`input[name="card_number"][value="${opts.card}"]`);
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Buys a product from its page through hosted checkout; ends on the thank-you page. Returns the return URL used. */
export async function buy(page: Page, productId: string, opts: { email?: string; card?: string } = {}) {
  await page.goto(`/products/${productId}`);
  await page.getByRole("button", { name: "Buy now" }).click();
  const returned = page.waitForRequest((r) => r.url().includes("/thank-you/confirm?token="));
  await payOnHostedPage(page, { email: opts.email, card: opts.card ?? "4242424242424242" });
  const confirmUrl = (await returned).url();
  await page.waitForURL(/\/thank-you\?order=/);
  await expect(page.getByRole("heading", { name: "Thank you for your order!" })).toBeVisible();
  return confirmUrl;
}

export const newEmail = () => `e2e-${uid()}@example.com`;

export async function customerIdByEmail(email: string): Promise<string> {
  const { rows } = await sql<{ id: string }>(`SELECT id FROM "Customer" WHERE email = $1 ORDER BY "createdAt" DESC LIMIT 1`, [email]);
  if (!rows[0]) throw new Error(`no customer ${email}`);
  return rows[0].id;
}

export async function dodoCustomerIdByEmail(email: string): Promise<string> {
  const { rows } = await sql<{ dodoCustomerId: string }>(`SELECT "dodoCustomerId" FROM "Customer" WHERE email = $1 ORDER BY "createdAt" DESC LIMIT 1`, [email]);
  return rows[0]!.dodoCustomerId;
}

/** Payments Dodo (the sandbox) holds for this customer and product. */
export async function dodoPaymentsFor(dodoCustomerId: string, productId: string) {
  const page = await dodo().payments.list({ customer_id: dodoCustomerId, product_id: productId, page_number: 0, page_size: 100 });
  return page.items;
}

export async function hasEntitlement(customerId: string, productId: string): Promise<boolean> {
  const { rows } = await sql(`SELECT 1 FROM "Entitlement" WHERE "customerId" = $1 AND "productId" = $2 AND status = 'ACTIVE'`, [customerId, productId]);
  return rows.length > 0;
}
