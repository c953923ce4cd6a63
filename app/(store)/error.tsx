"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

// An unexpected error while rendering a store page: shown inside the store's header and footer,
// with no detail (the server logged it with its digest), a retry and a way back to the store.
export default function StoreError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mx-auto max-w-xl space-y-4" data-testid="store-error">
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">{t("errors.page.title")}</h1>
      <p className="text-slate-700">{t("errors.page.message")}{error.digest ? ` ${t("errors.page.reference", { digest: error.digest })}` : ""}</p>
      <p className="flex gap-4">
        <button type="button" onClick={reset} className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600">{t("errors.page.tryAgain")}</button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add ~2.5 kB to the thank-you page (components/store/store-chrome.tsx) */}
        <a href="/" className="self-center font-medium text-brand-700 underline">{t("errors.page.backToStore")}</a>
      </p>
    </div>
  );
}
