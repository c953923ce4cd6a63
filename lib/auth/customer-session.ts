import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { cache } from "react";
import type { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import type { Customer } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import type { Result } from "@/lib/result";
import { sessionCookie } from "./session-cookie";
import { signToken, verifyToken } from "./signed-token";

// A customer's browser session: a signed, httpOnly cookie bound to one customer id, minted only
// after a verified purchase or a magic link. Short-lived: it exists to take post-purchase offers.
export const CUSTOMER_SESSION_SECONDS = 2 * 60 * 60;
/** The cookie's name and attributes (`__Host-encore_customer` over https). */
export const customerCookie = () => sessionCookie("encore_customer", CUSTOMER_SESSION_SECONDS);
export const MAGIC_LINK_SECONDS = 15 * 60;

type SessionData = { c: string };
// A magic link also carries a random id (jti), spent once in MagicLinkUse, and may name the page
// to return to (n).
type MagicLinkData = SessionData & { j: string; n?: string };

export function mintCustomerSession(customerId: string, now = Date.now()): string {
  return signToken<SessionData>(loadEnv().SESSION_SECRET, "customer-session", { c: customerId }, CUSTOMER_SESSION_SECONDS, now);
}

export function customerIdFromSession(token: string | undefined): string | null {
  const result = verifyToken<SessionData>(loadEnv().SESSION_SECRET, "customer-session", token);
  return result.ok && typeof result.data.c === "string" ? result.data.c : null;
}

/**
 * A sign-in link for the customer. `jti` and `now` are given when the link was requested earlier
 * (the emailed link is minted by the mail job from the request's stored id and time); `next` is
 * the store page to land on after signing in.
 */
export function mintMagicLink(customerId: string, now = Date.now(), opts: { jti?: string; next?: string | null } = {}): string {
  const jti = opts.jti ?? crypto.randomBytes(16).toString("base64url");
  const next = safeNextPath(opts.next);
  const token = signToken<MagicLinkData>(loadEnv().SESSION_SECRET, "magic-link", { c: customerId, j: jti, ...(next ? { n: next } : {}) }, MAGIC_LINK_SECONDS, now);
  return `${loadEnv().APP_URL}/account/login?token=${encodeURIComponent(token)}`;
}

/** A path on this site to go to after signing in ("/thank-you?order=…"); anything else is null. */
export function safeNextPath(path: string | null | undefined): string | null {
  if (!path || path.length > 300 || !path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return null;
  return /^\/(account|thank-you)(\/|\?|$)/.test(path) ? path : null;
}

export type MagicLinkResult = Result<{ customerId: string; next?: string }, "invalid" | "used">;

/**
 * Spends a magic link: valid, unexpired and never used before. Using it is inserting its jti, so
 * the primary key lets exactly one request through, across every app instance.
 */
export async function redeemMagicLink(token: string | null, now = Date.now()): Promise<MagicLinkResult> {
  const result = verifyToken<MagicLinkData>(loadEnv().SESSION_SECRET, "magic-link", token, now);
  // A link without a jti can't be made single-use: refused like a forged one.
  if (!result.ok || typeof result.data.c !== "string" || typeof result.data.j !== "string") {
    return { ok: false, code: "invalid", message: "This sign-in link is not valid or has expired." };
  }
  const { count } = await db.magicLinkUse.createMany({
    data: [{ jti: result.data.j, customerId: result.data.c, usedAt: new Date(now), expiresAt: result.expiresAt }],
    skipDuplicates: true,
  });
  if (count === 0) return { ok: false, code: "used", message: "This sign-in link has already been used. Each link works once." };
  const next = safeNextPath(typeof result.data.n === "string" ? result.data.n : null);
  return next ? { ok: true, customerId: result.data.c, next } : { ok: true, customerId: result.data.c };
}

/** Signs the customer in on this response (route handlers answer with a redirect). */
export function withCustomerSession(response: NextResponse, customerId: string): NextResponse {
  const { name, options } = customerCookie();
  response.cookies.set(name, mintCustomerSession(customerId), options);
  return response;
}

/** Signs the customer out of this browser (a server action's response). */
export async function endCustomerSession(): Promise<void> {
  // Deleting must repeat the attributes: a __Host- cookie is only replaced by one that is Secure on Path=/.
  const { name, options } = customerCookie();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}

// cache(): the store layout and its page both ask, and a render should read the row once. React
// scopes it to one server render (an action runs outside it, so the render after a sign-in or
// sign-out reads afresh).
/** The signed-in customer, or null. The row must still exist (a deleted customer loses the session). */
export const currentCustomer = cache(async function currentCustomer() {
  const store = await cookies();
  const customerId = customerIdFromSession(store.get(customerCookie().name)?.value);
  if (!customerId) return null;
  // Raw: every store page reads it, and a Prisma model read costs ~3x the CPU of the same SQL
  // (the thank-you page's render budget, bench/journey.ts).
  const [row = null] = await db.$queryRaw<Pick<Customer, "id" | "dodoCustomerId" | "email" | "name">[]>`
    SELECT "id", "dodoCustomerId", "email", "name" FROM "Customer" WHERE "id" = ${customerId}`;
  return row;
});

export type SessionCustomer = NonNullable<Awaited<ReturnType<typeof currentCustomer>>>;
/** The cookie's name over plain http (development and tests on this machine). */
export const CUSTOMER_COOKIE = "encore_customer";
