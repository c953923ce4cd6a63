import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * The visible language switch: one button for each other language, named in that language (and
 * marked up in it, so a screen reader pronounces it right). A plain form post: works without JavaScript.
 */
export async function LocaleSwitch({ setLocale }: { setLocale: (form: FormData) => Promise<void> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <form action={setLocale} className="flex items-center gap-2" data-testid="locale-switch" aria-label={t("store.chrome.language")}>
      {LOCALES.filter((l) => l !== locale).map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} className="whitespace-nowrap rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}
