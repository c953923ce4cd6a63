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
