// What every e2e spec's seeds share: the settings the Playwright global setup provides, the app's
// database (plain SQL: the app's own modules need the app's environment), the sandbox through
// the real SDK and its control plane, and tokens signed with the app's secret.
import crypto from "node:crypto";
import DodoPayments from "dodopayments";
import pg from "pg";
import { signToken } from "../../../lib/auth/signed-token";
import { sandboxControl } from "../dodo-seed";

export { uid } from "../ids";

export const env = (key: string) => {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set (the e2e global setup provides it)`);
  return value;
};

let pool: pg.Pool | undefined;
export const sql = <T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) => {
  pool ??= new pg.Pool({ connectionString: env("E2E_DATABASE_URL"), max: 3 });
  return pool.query<T>(text, values);
};

/** The sandbox through the real SDK; no retries, so every call is observed once. */
export const dodo = () => new DodoPayments({ bearerToken: env("E2E_API_KEY"), baseURL: env("E2E_SANDBOX_URL"), maxRetries: 0 });

export const control = sandboxControl(() => env("E2E_SANDBOX_URL"), () => env("E2E_API_KEY"));

/** A token as the app signs it (its SESSION_SECRET). */
export const appToken = <T>(purpose: Parameters<typeof signToken>[1], data: T, ttlSeconds: number) => signToken(env("E2E_SESSION_SECRET"), purpose, data, ttlSeconds);

/** A sign-in link for the customer as `npm run customer-link` mints it: signed, with a fresh single-use id. */
export function magicLinkPath(customerId: string): string {
  const token = appToken("magic-link", { c: customerId, j: crypto.randomBytes(16).toString("base64url") }, 15 * 60);
  return `/account/login?token=${encodeURIComponent(token)}`;
}
