"use client";
import { useTranslations } from "next-intl";

// Shown when a page fails unexpectedly (the details are in the server log under the request id;
// never on screen). Next's default one carries an inline <style> the Content-Security-Policy refuses.
// In the request's language (the root layout's NextIntlClientProvider; English on the console).
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t("errors.page.title")}</h1>
      <p className="mt-3 text-slate-600">{t("errors.page.message")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-600 px-5 py-2 font-semibold text-white hover:bg-brand-700">{t("errors.page.tryAgain")}</button>
    </main>
  );
}
