// The error boundaries customers can see are worded in their language: the store's (inside its
// chrome) and the root one. Rendered the way Next renders them, under the request's catalogue.
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import PageError from "@/app/error";
import StoreError from "@/app/(store)/error";
import { MESSAGES } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/i18n/time-zone";
import type { Locale } from "@/lib/i18n/locales";

type ErrorPage = ComponentType<{ error: Error & { digest?: string }; reset: () => void }>;
// Its children are passed as createElement's third argument, which its typing does not see.
const Provider = NextIntlClientProvider as ComponentType<{ locale: Locale; messages: unknown; timeZone: string; children?: ReactNode }>;

function render(Page: ErrorPage, locale: Locale): string {
  const error = Object.assign(new Error("boom"), { digest: "d1g35t" });
  return renderToStaticMarkup(createElement(Provider, { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE }, createElement(Page, { error, reset: () => {} })));
}

describe("error pages", () => {
  it("the store's error page is in Portuguese for a pt-BR request, with its reference, and never the error itself", () => {
    const html = render(StoreError, "pt-BR");
    expect(html).toContain("Algo deu errado do nosso lado");
    expect(html).toContain("Nada foi cobrado por causa disso.");
    expect(html).toContain("(Referência d1g35t)");
    expect(html).toContain("Tentar de novo");
    expect(html).toContain("Voltar para a loja");
    expect(html).not.toMatch(/Something went wrong|Try again|Back to the store|boom/);
  });

  it("the root error page is in Portuguese for a pt-BR request and English for an English one", () => {
    const pt = render(PageError, "pt-BR");
    expect(pt).toContain("Algo deu errado do nosso lado");
    expect(pt).toContain("Tentar de novo");
    expect(pt).not.toMatch(/Something went wrong|Try again/);
    const en = render(PageError, "en");
    expect(en).toContain("Something went wrong on our side");
    expect(en).toContain("Try again");
  });
});
