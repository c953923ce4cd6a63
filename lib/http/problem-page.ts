// A small HTML answer for route handlers that must send a real status code (403, 404, 402…)
// with a human message, inside the store's header and footer (lib/store/brand.ts), so a declined
// checkout or a spent link still looks like the store and leads somewhere. Every interpolated
// value is escaped. Its one <style> is allowed by hash in the Content-Security-Policy
// (security-headers.ts), so keep it a constant. Its own words are in `locale` (the store's
// route handlers pass the request's, lib/store/problem-page.ts); the callers word the rest.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { accentShades, DEFAULT_BRAND, type StoreBrand } from "@/lib/store/brand";

import { escapeHtml as escape } from "./escape-html";

export type ProblemLink = { href: string; label: string };

export const PROBLEM_PAGE_STYLE = `body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif;background:#f8fafc;color:#0f172a}
header,footer{background:#fff;border-color:#e2e8f0;border-style:solid;border-width:0 0 1px}footer{border-width:1px 0 0;margin-top:4rem}
.bar{max-width:64rem;margin:0 auto;padding:1rem 1.5rem;display:flex;flex-wrap:wrap;gap:1.25rem;justify-content:space-between;align-items:center}
.brand{font-weight:600;font-size:1.125rem;color:#0f172a;text-decoration:none}.brand span{color:#6d28d9}nav{display:flex;flex-wrap:wrap;gap:1.25rem}nav a{color:#334155;font-size:.875rem}
main{max-width:36rem;margin:0 auto;padding:2.5rem 1.5rem}h1{font-size:1.875rem;margin:0 0 1rem}.actions a{color:#6d28d9;font-weight:600;margin-right:1.5rem}
footer p{color:#475569;font-size:.875rem;margin:0}`;

/**
 * `brand` is the store's branding (lib/store/settings.ts storeBrand()); the proxy's refusals and the
 * last-resort 500 page cannot read the database and show the defaults. Its colour and logo go in
 * attributes, which the CSP allows, so the page's one <style> stays a constant.
 */
export function problemPage(status: number, message: string, link: ProblemLink, more: { title?: string; links?: ProblemLink[]; brand?: StoreBrand; locale?: Locale } = {}): Response {
  const brand = more.brand ?? DEFAULT_BRAND;
  const locale = more.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const title = more.title ?? t("store.problem.sorry");
  const accent = accentShades(brand.accentColor)["700"];
  const logo = brand.logoUrl ? `<img src="${escape(brand.logoUrl)}" alt="" height="32" style="height:2rem;vertical-align:middle;margin-right:.5rem">` : "";
  const help = brand.supportEmail ? ` · <a href="mailto:${escape(brand.supportEmail)}">${escape(t("store.chrome.help", { email: brand.supportEmail }))}</a>` : "";
  const nav = `<a href="/">${escape(t("store.chrome.catalogue"))}</a><a href="/account">${escape(t("store.chrome.yourAccount"))}</a>`;
  // The catalogue's words are ours; the store's name is escaped before it goes in.
  const footer = t.markup("store.chrome.footer", { name: escape(brand.name), store: (chunks) => `<span data-merchant-copy>${chunks}</span>` });
  const links = [link, ...(more.links ?? [])].map((l) => `<a href="${escape(l.href)}" style="color:${accent}">${escape(l.label)}</a>`).join("");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)} · ${escape(brand.name)}</title><style>${PROBLEM_PAGE_STYLE}</style></head>
<body><header><div class="bar"><a class="brand" href="/" style="color:${accent}" data-merchant-copy>${logo}${escape(brand.name)}</a><nav aria-label="${escape(t("store.chrome.navLabel"))}">${nav}</nav></div></header>
<main><h1>${escape(title)}</h1><p data-testid="problem">${escape(message)}</p><p class="actions">${links}</p></main>
<footer><div class="bar"><p>${footer}${help}</p></div></footer></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
