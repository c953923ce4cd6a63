import "server-only";
import crypto from "node:crypto";
import { inTransaction } from "@/lib/db/tx";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { queueEmail } from "@/lib/mail/outbox";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { safeNextPath } from "./customer-session";
import { emailKey, ipKey, reserveLoginAttempt } from "./login-rate-limit";
import { signInLinkSchema } from "./sign-in-link-schema";

// "Email me a sign-in link". The answer is the same whether or not the address belongs to a
// customer, so the form can't be used to find out who shops here; only a known address gets mail.
// Requests are throttled in Postgres (the login rate limit), per address and per client address.

export const SIGN_IN_LINK_LIMITS = { perEmail: 3, perIp: 20 } as const;

export type SignInLinkResult = Result<{ email: string }, "invalid_input" | "rate_limited">;

/** `locale` is the language the customer asked in: the email is written in it, and it is remembered as theirs. */
export async function requestSignInLink(input: unknown, clientIp: string, now = new Date(), locale: Locale = DEFAULT_LOCALE): Promise<SignInLinkResult> {
  const parsed = signInLinkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email } = parsed.data;
  const reservation = await reserveLoginAttempt([
    { key: `customer-link:${emailKey(email)}`, limit: SIGN_IN_LINK_LIMITS.perEmail },
    { key: `customer-link:${ipKey(clientIp)}`, limit: SIGN_IN_LINK_LIMITS.perIp },
  ], now);
  if (!reservation.ok) {
    const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
    const t = translator(locale);
    return fail("rate_limited", t("signIn.rateLimited", { minutes }));
  }
  await inTransaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, orderBy: { createdAt: "desc" }, select: { id: true, email: true } });
    if (!customer) return;
    await tx.customer.update({ where: { id: customer.id }, data: { locale } });
    // The link itself is minted by the mail job from this id and time: no token is stored.
    const jti = crypto.randomBytes(16).toString("base64url");
    await queueEmail(tx, {
      key: `sign-in:${jti}`,
      kind: "sign_in_link",
      to: customer.email,
      data: { customerId: customer.id, jti, issuedAt: now.getTime(), next: safeNextPath(parsed.data.next) },
    });
  });
  return ok({ email });
}
