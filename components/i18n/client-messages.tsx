import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { clientMessages, type ClientSurface } from "@/lib/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogue parts `surface`'s client components read, for everything inside (lib/i18n/client-messages.ts). */
export async function ClientMessages({ surface, children }: { surface: ClientSurface; children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return <NextIntlClientProvider messages={clientMessages(locale, surface)}>{children}</NextIntlClientProvider>;
}
