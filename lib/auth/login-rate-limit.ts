import "server-only";
import { db } from "@/lib/db/client";
import { lockAll } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";

// Attempts throttled in Postgres (LoginAttempt rows), so every app instance sees the same counts:
// sign-ins here, and server-API requests (lib/api/rate-limit.ts) through reserveAttempts. An
// attempt is reserved *before* the work it guards (the password check, the request), under a
// per-key advisory lock, so concurrent attempts cannot slip past the limit; a successful sign-in
// removes its reservations.

export const LOGIN_LIMITS = { perEmail: 5, perIp: 30, windowMs: 15 * 60 * 1000 } as const;

export type Reservation = { ok: true; attemptIds: string[] } | { ok: false; retryAfterSeconds: number };

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Reserves one attempt under every key, or none when any key has used its `limit` within `windowMs`. */
export async function reserveAttempts(keys: { key: string; limit: number }[], options: { windowMs: number; now?: Date }): Promise<Reservation> {
  const now = options.now ?? new Date();
  const windowStart = new Date(now.getTime() - options.windowMs);
  const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  return inTransaction(async (tx) => {
    await lockAll(tx, "login", sorted.map((k) => k.key));
    await tx.loginAttempt.deleteMany({ where: { key: { in: sorted.map((k) => k.key) }, at: { lt: windowStart } } });
    for (const { key, limit } of sorted) {
      const recent = await tx.loginAttempt.findMany({ where: { key, at: { gte: windowStart } }, orderBy: { at: "asc" }, select: { at: true } });
      if (recent.length >= limit) {
        const oldest = recent[recent.length - limit]!.at.getTime();
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + options.windowMs - now.getTime()) / 1000)) };
      }
    }
    const attemptIds: string[] = [];
    for (const { key } of sorted) attemptIds.push((await tx.loginAttempt.create({ data: { key, at: now }, select: { id: true } })).id);
    return { ok: true, attemptIds };
  });
}

export function reserveLoginAttempt(keys: { key: string; limit: number }[], now = new Date()): Promise<Reservation> {
  return reserveAttempts(keys, { windowMs: LOGIN_LIMITS.windowMs, now });
}

/** After a correct password: forget this attempt and earlier failures for the account. */
export async function releaseLoginAttempts(attemptIds: string[], accountKey: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { OR: [{ id: { in: attemptIds } }, { key: accountKey }] } });
}
