// The emails Encore sends customers, as text and HTML, in the store's branding (name, logo, accent
// colour, support email: lib/store/brand.ts). Pure: every value is escaped for the HTML part.
import { escapeHtml as escape } from "@/lib/http/escape-html";
import { accentShades, type StoreBrand } from "@/lib/store/brand";

export type RenderedEmail = { subject: string; text: string; html: string };

/** Where customers write for help, when the store gives an address. */
const helpLine = (brand: StoreBrand) => (brand.supportEmail ? `Questions? Write to ${brand.supportEmail}.` : null);

function html(brand: StoreBrand, paragraphs: string[], action: { href: string; label: string }, footer: string): string {
  const accent = accentShades(brand.accentColor)["600"];
  const logo = brand.logoUrl ? `<img src="${escape(brand.logoUrl)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:8px">` : "";
  const head = `<p style="font-weight:600;font-size:18px;color:${accent}">${logo}${escape(brand.name)}</p>`;
  const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("");
  const help = brand.supportEmail ? `<p style="color:#475569;font-size:13px">Questions? Write to <a href="mailto:${escape(brand.supportEmail)}">${escape(brand.supportEmail)}</a>.</p>` : "";
  return `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:32rem">${head}${body}`
    + `<p><a href="${escape(action.href)}" style="display:inline-block;background:${accent};color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escape(action.label)}</a></p>`
    + `<p style="color:#475569;font-size:13px">${escape(footer)}</p>${help}</body></html>`;
}

function text(brand: StoreBrand, lines: string[], action: string, footer: string): string {
  return [...lines, action, footer, helpLine(brand)].filter(Boolean).join("\n\n") + "\n";
}

export function signInLinkEmail(input: { brand: StoreBrand; link: string; minutes: number }): RenderedEmail {
  const lines = [`Here is your sign-in link for ${input.brand.name}. It works once, for the next ${input.minutes} minutes.`];
  const footer = "If you did not ask for this, ignore this email: nobody can sign in without the link.";
  return {
    subject: `Your sign-in link for ${input.brand.name}`,
    text: text(input.brand, lines, `Sign in: ${input.link}`, footer),
    html: html(input.brand, lines, { href: input.link, label: "Sign in" }, footer),
  };
}

export function offerChargedEmail(input: { brand: StoreBrand; productName: string; quantity: number; amount: string; card: string | null; accountUrl: string }): RenderedEmail {
  const paid = input.card ? `We charged ${input.amount} to your ${input.card}.` : `We charged ${input.amount}.`;
  const what = input.quantity > 1 ? `${input.quantity} × ${input.productName} have` : `${input.productName} has`;
  const lines = [
    `${what} been added to your order. ${paid}`,
    `You can reach it from your account at any time: sign in with this email address and it is listed under "Your products".`,
  ];
  const footer = `This is your receipt for a one-click purchase at ${input.brand.name}.`;
  return {
    subject: `Added to your order: ${input.quantity > 1 ? `${input.quantity} × ` : ""}${input.productName}`,
    text: text(input.brand, lines, `Your account: ${input.accountUrl}`, footer),
    html: html(input.brand, lines, { href: input.accountUrl, label: "Go to your account" }, footer),
  };
}
