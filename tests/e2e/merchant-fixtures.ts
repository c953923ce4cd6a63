// Helpers for the merchant-console specs: merchant users and records seeded straight into the
// app's database, sign-in through the real form, and cookies a customer (not a merchant) holds.
import crypto from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { signToken } from "../../lib/auth/signed-token";

const env = (key: string) => {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set (the e2e global setup provides it)`);
  return value;
};

let pool: pg.Pool | undefined;
export const sql = <T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) => {
  pool ??= new pg.Pool({ connectionString: env("E2E_DATABASE_URL"), max: 3 });
  return pool.query<T>(text, values);
};

export const uid = (prefix = "") => `${prefix}${crypto.randomBytes(6).toString("hex")}`;

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
  return signToken(env("E2E_SESSION_SECRET"), "customer-session", { c: customerId }, 3600);
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
