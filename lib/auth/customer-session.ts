import "server-only";
import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { signToken, verifyToken } from "./signed-token";

// A customer's browser session: a signed, httpOnly cookie bound to one customer id, minted only
// after a verified purchase or a magic link. Short-lived: it exists to take post-purchase offers.
const COOKIE = "encore_customer";
export const CUSTOMER_SESSION_SECONDS = 2 * 60 * 60;
export const MAGIC_LINK_SECONDS = 15 * 60;

type SessionData = { c: string };

export function mintCustomerSession(customerId: string, now = Date.now()): string {
  return signToken<SessionData>(loadEnv().SESSION_SECRET, "customer-session", { c: customerId }, CUSTOMER_SESSION_SECONDS, now);
}

export function customerIdFromSession(token: string | undefined): string | null {
  const result = verifyToken<SessionData>(loadEnv().SESSION_SECRET, "customer-session", token);
  return result.ok && typeof result.data.c === "string" ? result.data.c : null;
}

export function mintMagicLink(customerId: string, now = Date.now()): string {
  const token = signToken<SessionData>(loadEnv().SESSION_SECRET, "magic-link", { c: customerId }, MAGIC_LINK_SECONDS, now);
  return `${loadEnv().APP_URL}/account/login?token=${encodeURIComponent(token)}`;
}

export function customerIdFromMagicLink(token: string | null): string | null {
  const result = verifyToken<SessionData>(loadEnv().SESSION_SECRET, "magic-link", token);
  return result.ok && typeof result.data.c === "string" ? result.data.c : null;
}

/** Signs the customer in on this response (route handlers answer with a redirect). */
export function withCustomerSession(response: NextResponse, customerId: string): NextResponse {
  response.cookies.set(COOKIE, mintCustomerSession(customerId), {
    httpOnly: true,
    sameSite: "lax",
    secure: loadEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: CUSTOMER_SESSION_SECONDS,
  });
  return response;
}

/** The signed-in customer, or null. The row must still exist (a deleted customer loses the session). */
export async function currentCustomer() {
  const store = await cookies();
  const customerId = customerIdFromSession(store.get(COOKIE)?.value);
  if (!customerId) return null;
  return db.customer.findUnique({ where: { id: customerId }, select: { id: true, dodoCustomerId: true, email: true, name: true } });
}

export type SessionCustomer = NonNullable<Awaited<ReturnType<typeof currentCustomer>>>;
export const CUSTOMER_COOKIE = COOKIE;
