"use client";
import { useSyncExternalStore } from "react";
import { GlobalErrorPage } from "@/components/errors/global-error-page";
import { globalErrorLocale } from "@/lib/i18n/global-error-text";
import type { Locale } from "@/lib/i18n/locales";

// The last resort, when even the root layout failed: no catalogue provider exists, so the page
// picks its language in the browser (the switch's cookie, else the browser's languages) from a
// few inline strings. The server's render is English; the browser's language replaces it on hydration.
const unchanging = () => () => {};
const browserLocale = (): Locale => globalErrorLocale({ cookie: document.cookie, languages: navigator.languages, documentLang: document.documentElement.lang });
const serverLocale = (): Locale => "en";

export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(unchanging, browserLocale, serverLocale);
  return <GlobalErrorPage locale={locale} digest={error.digest} />;
}
