import { getTranslations } from "next-intl/server";
import { brandStyle, type StoreBrand } from "@/lib/store/brand";
import { LocaleSwitch } from "./locale-switch";

type ChromeActions = { signOut: (form: FormData) => Promise<void>; setLocale: (form: FormData) => Promise<void> };

// Plain links, not next/link: the store chrome is on the thank-you page, whose client JS is held
// to the framework's own floor (bench/journey.ts), and next/link would be most of what it adds.
// Store pages render on the server, so a full navigation costs little.
/* eslint-disable @next/next/no-html-link-for-pages -- plain links on purpose, see above */

/**
 * The store's colours: the accent's shades as CSS variables around every customer page, so the
 * store's brand-* styles take the merchant's colour (the console keeps Encore's own).
 */
export function BrandScope({ brand, children }: { brand: StoreBrand; children: React.ReactNode }) {
  return <div style={brandStyle(brand)} data-testid="brand-scope" className="contents">{children}</div>;
}

/** The store's header: logo and name, navigation, the language switch, and who is signed in (with sign-out) or a sign-in link. */
export async function StoreHeader({ brand, customerEmail, signOut, setLocale }: { brand: StoreBrand; customerEmail: string | null } & ChromeActions) {
  const t = await getTranslations();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-1">{t("store.chrome.skipToContent")}</a>
      <nav aria-label={t("store.chrome.navLabel")} className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-6 py-4">
        <a href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-brand-700" data-testid="store-name">
          {/* eslint-disable-next-line @next/next/no-img-element -- a merchant's URL on an allowed origin; next/image would need every host in next.config */}
          {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="h-8 w-auto max-w-[8rem] object-contain" data-testid="store-logo" /> : null}
          {/* The store's name is the merchant's own words, in whatever language they wrote it. */}
          <span data-merchant-copy>{brand.name}</span>
        </a>
        <div className="flex flex-wrap items-center gap-5 text-sm text-slate-700">
          <a href="/" className="hover:text-slate-900 hover:underline">{t("store.chrome.catalogue")}</a>
          <a href="/account" className="hover:text-slate-900 hover:underline">{t("store.chrome.yourAccount")}</a>
          {customerEmail ? (
            <form action={signOut} className="flex min-w-0 items-center gap-2" data-testid="signed-in-as">
              {/* A long address is cut short on a phone rather than pushing "Sign out" onto two lines. */}
              <span className="max-w-[11rem] truncate text-slate-600 sm:max-w-xs" title={customerEmail}>{customerEmail}</span>
              <button type="submit" className="shrink-0 whitespace-nowrap rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">{t("store.chrome.signOut")}</button>
            </form>
          ) : (
            <a href="/account/sign-in" className="hover:text-slate-900 hover:underline">{t("store.chrome.signIn")}</a>
          )}
          <LocaleSwitch setLocale={setLocale} />
        </div>
      </nav>
    </header>
  );
}

export async function StoreFooter({ brand }: { brand: StoreBrand }) {
  const t = await getTranslations();
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-3 px-6 py-6 text-sm text-slate-600">
        <p>{t.rich("store.chrome.footer", { name: brand.name, store: (chunks) => <span data-merchant-copy>{chunks}</span> })}</p>
        <p className="flex flex-wrap gap-4">
          {brand.supportEmail ? <a href={`mailto:${brand.supportEmail}`} className="underline" data-testid="support-email">{t("store.chrome.help", { email: brand.supportEmail })}</a> : null}
          <a href="/account/sign-in" className="underline">{t("store.chrome.findOrders")}</a>
        </p>
      </div>
    </footer>
  );
}

/** A branded "not here" page body (404s, orders that are not yours). */
export async function NotFoundBody({ title, message }: { title?: string; message?: string }) {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl space-y-4" data-testid="not-found">
      <h1 className="text-3xl font-bold tracking-tight">{title ?? t("store.notFound.title")}</h1>
      <p className="text-slate-700">{message ?? t("store.notFound.message")}</p>
      <p className="flex gap-4">
        <a href="/" className="font-medium text-brand-700 underline">{t("store.notFound.backToStore")}</a>
        <a href="/account" className="font-medium text-brand-700 underline">{t("store.notFound.yourAccount")}</a>
      </p>
    </div>
  );
}
