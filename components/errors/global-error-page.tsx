import { GLOBAL_ERROR_TEXT } from "@/lib/i18n/global-error-text";
import type { Locale } from "@/lib/i18n/locales";

/** The last-resort page's markup in `locale`: a plain page with a way back to the store. */
export function GlobalErrorPage({ locale, digest }: { locale: Locale; digest?: string }) {
  const text = GLOBAL_ERROR_TEXT[locale];
  return (
    <html lang={locale}>
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1.5rem", color: "#0f172a" }}>
        {/* Full page loads on purpose: the app's router may be what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <header><p><a href="/" style={{ color: "#6d28d9", fontWeight: 600 }} data-merchant-copy>Encore demo store</a></p></header>
        <main>
          <h1>{text.title}</h1>
          <p>{text.message}{digest ? ` ${text.reference(digest)}` : ""}</p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <p><a href="/" style={{ color: "#6d28d9" }}>{text.backToStore}</a></p>
        </main>
      </body>
    </html>
  );
}
