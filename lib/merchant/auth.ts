import "server-only";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { emailKey, ipKey, LOGIN_LIMITS, releaseLoginAttempts, reserveLoginAttempt } from "./rate-limit";
import { fail, invalid, ok, type Result } from "./result";
import { merchantEmail } from "./users";

export const signInSchema = z.object({
  email: merchantEmail,
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignedInUser = { id: string; email: string; passwordHash: string };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a merchant's email and password under the login rate limit. Unknown emails cost the
 * same scrypt work as known ones, so response time does not reveal which accounts exist.
 */
export async function authenticateMerchant(input: unknown, clientIp: string): Promise<Result<SignedInUser>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, password } = parsed.data;
  const accountKey = emailKey(email);
  const reservation = await reserveLoginAttempt([
    { key: accountKey, limit: LOGIN_LIMITS.perEmail },
    { key: ipKey(clientIp), limit: LOGIN_LIMITS.perIp },
  ]);
  if (!reservation.ok) {
    const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
    return fail("rate_limited", `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = await db.merchantUser.findUnique({ where: { email } });
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) return fail("invalid_credentials", "Email or password is incorrect.");
  await releaseLoginAttempts(reservation.attemptIds, accountKey);
  return ok({ id: user.id, email: user.email, passwordHash: user.passwordHash });
}
