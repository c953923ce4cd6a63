import "server-only";
import { reserveAttempts } from "@/lib/auth/login-rate-limit";

// Rate limits of the embed's endpoints (/api/embed/v1/*), the hosted offer link and the bank's
// return to it, counted in Postgres by the limiter the sign-ins and the server API use (so every
// app instance shares one count). Only requests whose signed token verified are counted: a forged
// or expired token is refused by an HMAC check alone, without a database round trip, so there is
// nothing to guess at speed and nothing for a flood to write.

const WINDOW_MS = 60_000;

/**
 * Per minute. A customer's prompt makes one request per page view, plus a status read every few
 * seconds while a charge settles; a whole office behind one address may share the address budget.
 */
export const EMBED_LIMITS = { perCustomer: 120, perAddress: 600 } as const;
/** Openings of hosted offer links (and returns from the bank to one) per address per minute. */
export const LINK_LIMIT_PER_ADDRESS = 30;

export type Throttle = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function throttleEmbed(customerId: string, ip: string, now = new Date()): Promise<Throttle> {
  const result = await reserveAttempts(
    [{ key: `embed-customer:${customerId}`, limit: EMBED_LIMITS.perCustomer }, { key: `embed-ip:${ip}`, limit: EMBED_LIMITS.perAddress }],
    { windowMs: WINDOW_MS, now },
  );
  return result.ok ? { ok: true } : result;
}

export async function throttleOfferLink(ip: string, now = new Date()): Promise<Throttle> {
  const result = await reserveAttempts([{ key: `offer-link-ip:${ip}`, limit: LINK_LIMIT_PER_ADDRESS }], { windowMs: WINDOW_MS, now });
  return result.ok ? { ok: true } : result;
}
