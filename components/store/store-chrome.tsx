import { brandStyle, STORE_NAV, type StoreBrand } from "@/lib/store/brand";

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

/** The store's header: logo and name, navigation, and who is signed in (with sign-out) or a sign-in link. */
export function StoreHeader({ brand, customerEmail, signOut }: { brand: StoreBrand; customerEmail: string | null; signOut: (form: FormData) => Promise<void> }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-1">Skip to content</a>
      <nav aria-label="Store" className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-6 py-4">
        <a href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-brand-700" data-testid="store-name">
          {/* eslint-disable-next-line @next/next/no-img-element -- a merchant's URL on an allowed origin; next/image would need every host in next.config */}
          {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="h-8 w-auto max-w-[8rem] object-contain" data-testid="store-logo" /> : null}
          <span>{brand.name}</span>
        </a>
        <div className="flex flex-wrap items-center gap-5 text-sm text-slate-700">
          {STORE_NAV.map((item) => <a key={item.href} href={item.href} className="hover:text-slate-900 hover:underline">{item.label}</a>)}
          {customerEmail ? (
            <form action={signOut} className="flex min-w-0 items-center gap-2" data-testid="signed-in-as">
              {/* A long address is cut short on a phone rather than pushing "Sign out" onto two lines. */}
              <span className="max-w-[11rem] truncate text-slate-600 sm:max-w-xs" title={customerEmail}>{customerEmail}</span>
              <button type="submit" className="shrink-0 whitespace-nowrap rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">Sign out</button>
            </form>
          ) : (
            <a href="/account/sign-in" className="hover:text-slate-900 hover:underline">Sign in</a>
          )}
        </div>
      </nav>
    </header>
  );
}

export function StoreFooter({ brand }: { brand: StoreBrand }) {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-3 px-6 py-6 text-sm text-slate-600">
        <p>{brand.name} · payments by Dodo Payments</p>
        <p className="flex flex-wrap gap-4">
          {brand.supportEmail ? <a href={`mailto:${brand.supportEmail}`} className="underline" data-testid="support-email">Help: {brand.supportEmail}</a> : null}
          <a href="/account/sign-in" className="underline">Find your orders</a>
        </p>
      </div>
    </footer>
  );
}

/** A branded "not here" page body (404s, orders that are not yours). */
export function NotFoundBody({ title = "We could not find that page", message = "The link may be old, or the page may have moved." }: { title?: string; message?: string }) {
  return (
    <div className="mx-auto max-w-xl space-y-4" data-testid="not-found">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="text-slate-700">{message}</p>
      <p className="flex gap-4">
        <a href="/" className="font-medium text-brand-700 underline">Back to the store</a>
        <a href="/account" className="font-medium text-brand-700 underline">Your account</a>
      </p>
    </div>
  );
}
