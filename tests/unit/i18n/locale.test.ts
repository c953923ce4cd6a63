import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/i18n/dates";
import { negotiateLocale, resolveLocale } from "@/lib/i18n/negotiate";
import { translator } from "@/lib/i18n/translator";
import { intervalLabel, formatPrice } from "@/lib/catalog/format";

describe("choosing the language", () => {
  it("keeps the header parsers out of the browser: lib/i18n/locales.ts, which client components import, imports nothing but the cookie's name", () => {
    // Negotiator and the locale matcher once rode into the thank-you page's JS through it (bench/journey.ts).
    const text = fs.readFileSync(path.resolve(import.meta.dirname, "../../../lib/i18n/locales.ts"), "utf8");
    expect([...text.matchAll(/^(?:import|export)[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1])).toEqual(["./cookie"]);
  });

  it("follows Accept-Language, matching any Portuguese to Brazilian Portuguese", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt-BR");
    expect(negotiateLocale("pt")).toBe("pt-BR");
    expect(negotiateLocale("pt-PT")).toBe("pt-BR");
    expect(negotiateLocale("es, pt;q=0.5")).toBe("pt-BR");
    expect(negotiateLocale("en-US,en;q=0.9,pt;q=0.1")).toBe("en");
  });

  it("falls back to English for other, missing or malformed headers", () => {
    expect(negotiateLocale("fr-FR, de")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale("x-!!, ;;")).toBe("en");
  });

  it("lets the switch's cookie win, when it names a language we have", () => {
    expect(resolveLocale({ cookie: "pt-BR", acceptLanguage: "en-US" })).toBe("pt-BR");
    expect(resolveLocale({ cookie: "en", acceptLanguage: "pt-BR" })).toBe("en");
    expect(resolveLocale({ cookie: "klingon", acceptLanguage: "pt-BR" })).toBe("pt-BR");
  });
});

describe("dates", () => {
  const day = new Date("2026-12-21T23:30:00Z");
  it("read naturally in each language, in UTC", () => {
    expect(formatDate(day, "en")).toBe("21 Dec 2026");
    expect(formatDate(day, "pt-BR")).toBe("21 de dez. de 2026");
    expect(formatDate("2026-05-01T00:00:00Z", "pt-BR")).toBe("1 de mai. de 2026");
  });
});

describe("plural forms", () => {
  it("name billing intervals in each language", () => {
    expect(intervalLabel("MONTH", 1, "en")).toBe("month");
    expect(intervalLabel("MONTH", 3, "en")).toBe("3 months");
    expect(intervalLabel("MONTH", 1, "pt-BR")).toBe("mês");
    expect(intervalLabel("MONTH", 3, "pt-BR")).toBe("3 meses");
    expect(intervalLabel("YEAR", 2, "pt-BR")).toBe("2 anos");
    expect(formatPrice({ priceAmount: 8000, currency: "BRL", billingInterval: "MONTH", billingIntervalCount: 1 }, "pt-BR").replace(/\u00a0/g, " ")).toBe("R$ 80,00 / mês");
  });

  it("translate through the same catalogue outside React", () => {
    expect(translator("pt-BR")("store.home.title")).toBe("Catálogo");
    expect(translator("en")("store.home.title")).toBe("Catalogue");
  });
});
