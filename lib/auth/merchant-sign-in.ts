import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { emailKey, ipKey, LOGIN_LIMITS, releaseLoginAttempts, reserveLoginAttempt } from "./login-rate-limit";
import { merchantEmail } from "./merchant-users";
import { hashPassword, verifyPassword } from "./password";

export const signInSchema = z.object({
  email: merchantEmail,
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignedInUser = { id: string; email: string; passwordHash: string };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a merchant's email and password under the login rate limit. Unknown emails cost the
 * same scrypt work as known ones, so response time does not reveal which accounts exist. Refusals
 * are worded in `locale` (the sign-in page's language).
 */
export async function authenticateMerchant(input: unknown, clientIp: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ user: SignedInUser }>> {
  const t = translator(locale);
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
    return fail("rate_limited", t("console.signIn.rateLimited", { minutes }));
  }
  const user = await db.merchantUser.findUnique({ where: { email } });
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) return fail("invalid_credentials", t("console.signIn.invalidCredentials"));
  await releaseLoginAttempts(reservation.attemptIds, accountKey);
  return ok({ user: { id: user.id, email: user.email, passwordHash: user.passwordHash } });
}
