// The emails Encore sends customers, as text and HTML, in the customer's language and the store's
// branding (name, logo, accent colour, support email: lib/store/brand.ts). Pure: every value is
// escaped for the HTML part.
import { escapeHtml as escape } from "@/lib/http/escape-html";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import { accentShades, type StoreBrand } from "@/lib/store/brand";

export type RenderedEmail = { subject: string; text: string; html: string };

// Stands in for the support address while the sentence is escaped, so the HTML part can link it.
const EMAIL_SLOT = "\u0000";

function html(t: Translator, locale: Locale, brand: StoreBrand, paragraphs: string[], action: { href: string; label: string }, footer: string): string {
  const accent = accentShades(brand.accentColor)["600"];
  const logo = brand.logoUrl ? `<img src="${escape(brand.logoUrl)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:8px">` : "";
  const head = `<p style="font-weight:600;font-size:18px;color:${accent}">${logo}${escape(brand.name)}</p>`;
  const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("");
  const help = brand.supportEmail
    ? `<p style="color:#475569;font-size:13px">${escape(t("email.help", { email: EMAIL_SLOT })).replace(EMAIL_SLOT, `<a href="mailto:${escape(brand.supportEmail)}">${escape(brand.supportEmail)}</a>`)}</p>`
    : "";
  return `<!doctype html><html lang="${escape(locale)}"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:32rem">${head}${body}`
    + `<p><a href="${escape(action.href)}" style="display:inline-block;background:${accent};color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escape(action.label)}</a></p>`
    + `<p style="color:#475569;font-size:13px">${escape(footer)}</p>${help}</body></html>`;
}

function text(t: Translator, brand: StoreBrand, lines: string[], action: string, footer: string): string {
  const help = brand.supportEmail ? t("email.help", { email: brand.supportEmail }) : null;
  return [...lines, action, footer, help].filter(Boolean).join("\n\n") + "\n";
}

export function signInLinkEmail(input: { brand: StoreBrand; link: string; minutes: number; locale: Locale }): RenderedEmail {
  const t = translator(input.locale);
  const lines = [t("email.signIn.intro", { store: input.brand.name, minutes: input.minutes })];
  const footer = t("email.signIn.footer");
  const label = t("email.signIn.action");
  return {
    subject: t("email.signIn.subject", { store: input.brand.name }),
    text: text(t, input.brand, lines, `${label}: ${input.link}`, footer),
    html: html(t, input.locale, input.brand, lines, { href: input.link, label }, footer),
  };
}

/** `card` is the brand and last four digits, e.g. { brand: "Visa", last4: "4242" }. */
export function offerChargedEmail(input: { brand: StoreBrand; productName: string; quantity: number; amount: string; card: { brand: string; last4: string } | null; accountUrl: string; locale: Locale }): RenderedEmail {
  const t = translator(input.locale);
  const paid = input.card ? t("email.charged.paidWithCard", { amount: input.amount, brand: input.card.brand, last4: input.card.last4 }) : t("email.charged.paid", { amount: input.amount });
  const lines = [t("email.charged.added", { product: input.productName, quantity: input.quantity, paid }), t("email.charged.whereToFind")];
  const footer = t("email.charged.footer", { store: input.brand.name });
  const label = t("email.charged.action");
  return {
    subject: t("email.charged.subject", { product: input.productName, quantity: input.quantity }),
    text: text(t, input.brand, lines, t("email.charged.accountLine", { url: input.accountUrl }), footer),
    html: html(t, input.locale, input.brand, lines, { href: input.accountUrl, label }, footer),
  };
}
