import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { storeBrand } from "@/lib/store/settings";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, brand] = await Promise.all([getTranslations(), storeBrand()]);
  return {
    // The store's name as the merchant set it (read once per request, the store layout reads it too).
    title: { default: brand.name, template: "%s · Encore" },
    description: t("store.meta.description"),
  };
}

// The store and the merchant console each bring their own chrome (app/(store), app/merchant).
// Every page renders per request: the Content-Security-Policy nonce (lib/http/security-headers.ts)
// is new each time, and a page prerendered at build time would carry scripts without it. The
// language is the request's (lib/i18n/request.ts); client components get the parts of the same
// catalogue their surface reads (each surface's layout ships its own: lib/i18n/client-messages.ts).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ClientMessages surface="root">{children}</ClientMessages>
      </body>
    </html>
  );
}
