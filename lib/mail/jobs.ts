import "server-only";
import { z } from "zod";
import { MAGIC_LINK_SECONDS, mintMagicLink } from "@/lib/auth/customer-session";
import { db } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define";
import { storedLocale } from "@/lib/i18n/customer-locale";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { formatMoney, money } from "@/lib/money/money";
import { brandName } from "@/lib/payment-methods/eligibility";
import { storeBrand } from "@/lib/store/settings";
import { offerChargedEmail, signInLinkEmail, type RenderedEmail } from "./messages";
import { sendEmail } from "./transport";

const signInData = z.object({ customerId: z.string(), jti: z.string(), issuedAt: z.number(), next: z.string().nullable().optional() });
const chargedData = z.object({ attemptId: z.string() });

/** The language the customer last used in the store; the default language for one who never chose. */
async function customerLocale(customerId: string): Promise<Locale> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { locale: true } });
  return storedLocale(customer?.locale) ?? DEFAULT_LOCALE;
}

/** The email as it is sent now, or null when there is nothing (any longer) to send. */
async function render(kind: string, raw: unknown, now: number): Promise<RenderedEmail | null> {
  const env = loadEnv();
  if (kind === "sign_in_link") {
    const data = signInData.parse(raw);
    // A link that would arrive already expired is not worth sending (the worker was down too long).
    if (data.issuedAt + MAGIC_LINK_SECONDS * 1000 <= now) return null;
    const link = mintMagicLink(data.customerId, data.issuedAt, { jti: data.jti, next: data.next ?? null });
    const locale = await customerLocale(data.customerId);
    return signInLinkEmail({ brand: await storeBrand(), link, minutes: Math.round(MAGIC_LINK_SECONDS / 60), locale });
  }
  if (kind === "offer_charged") {
    const { attemptId } = chargedData.parse(raw);
    const attempt = await db.chargeAttempt.findUnique({ where: { id: attemptId }, include: { impression: { include: { offer: { include: { offeredProduct: { select: { name: true } } } } } } } });
    if (!attempt?.impression.offer || attempt.status !== "SUCCEEDED") return null;
    const payment = attempt.dodoPaymentId ? await db.payment.findUnique({ where: { id: attempt.dodoPaymentId }, select: { cardLast4: true, cardNetwork: true } }) : null;
    // A bundle's receipt names every product of it, in the order shown.
    const extras = attempt.impression.bundleProductIds;
    const bundled = extras.length ? await db.product.findMany({ where: { id: { in: extras } }, select: { id: true, name: true } }) : [];
    const locale = await customerLocale(attempt.customerId);
    return offerChargedEmail({
      brand: await storeBrand(),
      productName: [attempt.impression.offer.offeredProduct.name, ...extras.flatMap((id) => bundled.filter((p) => p.id === id).map((p) => p.name))].join(" + "),
      quantity: attempt.quantity,
      amount: formatMoney(money(attempt.amount, attempt.currency), locale),
      card: payment?.cardLast4 ? { brand: brandName(payment.cardNetwork), last4: payment.cardLast4 } : null,
      accountUrl: `${env.APP_URL}/account`,
      locale,
    });
  }
  throw new Error(`unknown email kind ${kind}`);
}

/**
 * Delivers one queued email. Idempotent: an email already marked sent is skipped, so a retry
 * after a failure never sends it twice (only a crash between the SMTP answer and the mark can;
 * the fixed Message-ID lets mail clients drop that duplicate).
 */
export const sendEmailJob = defineJob({
  name: "mail.send",
  payload: z.object({ emailId: z.string().min(1) }),
  run: async ({ emailId }, ctx) => {
    const email = await db.outboundEmail.findUnique({ where: { id: emailId } });
    if (!email || email.sentAt) return;
    const rendered = await render(email.kind, email.data, Date.now());
    if (!rendered) {
      ctx.log(`${email.kind} ${email.id}: nothing to send any more`);
      return;
    }
    await sendEmail({ to: email.to, ...rendered, messageId: `<${email.id}@${new URL(loadEnv().APP_URL).hostname}>` });
    await db.outboundEmail.updateMany({ where: { id: email.id, sentAt: null }, data: { sentAt: new Date() } });
  },
});
