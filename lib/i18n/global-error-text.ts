// The root error page's few words (app/global-error.tsx), inline in every language: when the root
// layout fails there is no catalogue provider, and that page's client JS stays small (no catalogue,
// no negotiator). Same wording as the catalogue's errors.page. Client-safe.
import { LOCALE_COOKIE } from "./cookie";
import type { Locale } from "./locales";

export type GlobalErrorText = { title: string; message: string; reference: (digest: string) => string; backToStore: string };

export const GLOBAL_ERROR_TEXT: Record<Locale, GlobalErrorText> = {
  en: {
    title: "Something went wrong on our side",
    message: "Nothing was charged because of this. Please try again in a moment.",
    reference: (digest) => `(Reference ${digest})`,
    backToStore: "Back to the store",
  },
  "pt-BR": {
    title: "Algo deu errado do nosso lado",
    message: "Nada foi cobrado por causa disso. Tente de novo em instantes.",
    reference: (digest) => `(Referência ${digest})`,
    backToStore: "Voltar para a loja",
  },
};

/** A language tag as one we speak ("pt", "pt-PT" → pt-BR), or null. */
function spoken(tag: string | null | undefined): Locale | null {
  const lower = tag?.trim().toLowerCase() ?? "";
  if (lower === "pt" || lower.startsWith("pt-")) return "pt-BR";
  if (lower === "en" || lower.startsWith("en-")) return "en";
  return null;
}

/**
 * The language the server would have chosen: the switch's cookie, else the browser's first
 * language we speak, else the page's own lang (a layout that rendered before failing), else English.
 */
export function globalErrorLocale(input: { cookie?: string | null; languages?: readonly string[]; documentLang?: string | null }): Locale {
  const chosen = input.cookie?.split(/;\s*/).find((part) => part.startsWith(`${LOCALE_COOKIE}=`))?.slice(LOCALE_COOKIE.length + 1);
  if (chosen === "en" || chosen === "pt-BR") return chosen;
  for (const tag of input.languages ?? []) {
    const locale = spoken(tag);
    if (locale) return locale;
  }
  return spoken(input.documentLang) ?? "en";
}
