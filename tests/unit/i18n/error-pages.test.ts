// The error boundaries customers can see are worded in their language: the store's (inside its
// chrome) and the root one. Rendered the way Next renders them, under the request's catalogue.
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import PageError from "@/app/error";
import StoreError from "@/app/(store)/error";
import GlobalError from "@/app/global-error";
import { GlobalErrorPage } from "@/components/errors/global-error-page";
import { globalErrorLocale } from "@/lib/i18n/global-error-text";
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

describe("the last-resort page (root layout failed: no catalogue provider)", () => {
  it("chooses the switch's cookie, else the browser's first language we speak, else the page's lang, else English", () => {
    expect(globalErrorLocale({ cookie: "a=1; encore_locale=pt-BR; b=2", languages: ["en-US"] })).toBe("pt-BR");
    expect(globalErrorLocale({ cookie: "encore_locale=en", languages: ["pt-BR"] })).toBe("en");
    expect(globalErrorLocale({ cookie: "encore_locale=xx", languages: ["de-DE", "pt-PT", "en"] })).toBe("pt-BR");
    expect(globalErrorLocale({ cookie: "", languages: ["fr"], documentLang: "pt-BR" })).toBe("pt-BR");
    expect(globalErrorLocale({ languages: ["fr"], documentLang: "" })).toBe("en");
  });

  it("is in Portuguese for pt-BR, with its reference and lang, and no English", () => {
    const html = renderToStaticMarkup(createElement(GlobalErrorPage, { locale: "pt-BR", digest: "d1g35t" }));
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain("<h1>Algo deu errado do nosso lado</h1>");
    expect(html).toContain("Nada foi cobrado por causa disso. Tente de novo em instantes. (Referência d1g35t)");
    expect(html).toContain("Voltar para a loja");
    expect(html).not.toMatch(/Something went wrong|Nothing was charged|Reference|Back to the store/);
  });

  it("renders English on the server (the browser then picks its language), never the error itself", () => {
    const error = Object.assign(new Error("boom"), { digest: "d1g35t" });
    const html = renderToStaticMarkup(createElement(GlobalError, { error, reset: () => {} }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>Something went wrong on our side</h1>");
    expect(html).toContain("(Reference d1g35t)");
    expect(html).not.toContain("boom");
  });
});
