import "server-only";
import { reserveAttempts } from "@/lib/auth/login-rate-limit";
import { loadEnv } from "@/lib/env";

// Server-API rate limits, counted in Postgres by the same limiter as sign-ins (so several app
// instances share one count): requests per key per minute, and requests that present no valid
// key per client address (so keys can't be guessed at speed).

const WINDOW_MS = 60_000;
/** Unauthenticated requests one address may make per minute. */
export const UNAUTHENTICATED_PER_MINUTE = 30;

export type Throttle = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function throttleKey(keyId: string, now = new Date()): Promise<Throttle> {
  const limit = loadEnv().API_RATE_LIMIT_PER_MINUTE;
  const result = await reserveAttempts([{ key: `api-key:${keyId}`, limit }], { windowMs: WINDOW_MS, now });
  return result.ok ? { ok: true } : result;
}

export async function throttleUnauthenticated(ip: string, now = new Date()): Promise<Throttle> {
  const result = await reserveAttempts([{ key: `api-ip:${ip}`, limit: UNAUTHENTICATED_PER_MINUTE }], { windowMs: WINDOW_MS, now });
  return result.ok ? { ok: true } : result;
}
