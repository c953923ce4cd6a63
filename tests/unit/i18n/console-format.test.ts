// The console's numbers, money and generated wording per locale: stats figures through Intl (one
// money formatter), and an offer's reach in the merchant's language.
import { describe, expect, it } from "vitest";
import { offerReach } from "@/lib/offers/reach";
import { offerKindLabel } from "@/lib/offers/offer-kind-label";
import { formatAmount, formatCount, formatInterval, formatPoints, formatRate } from "@/lib/stats/format";

describe("console stats formatting", () => {
  it("keeps the English forms", () => {
    expect(formatRate(0.125)).toBe("12.5%");
    expect(formatRate(null)).toBe("—");
    expect(formatCount(12345)).toBe("12,345");
    expect(formatAmount(123456, "USD")).toBe("$1,234.56");
    expect(formatPoints(0.125)).toBe("+12.5 pts");
    expect(formatPoints(-0.02)).toBe("−2.0 pts");
    expect(formatInterval({ estimate: 500, low: -500, high: 1500 }, "USD")).toBe("−$5.00 to +$15.00");
  });

  it("writes Brazilian Portuguese figures: decimal comma, R$, p.p.", () => {
    expect(formatRate(0.125, "pt-BR")).toBe("12,5%");
    expect(formatCount(12345, "pt-BR")).toBe("12.345");
    expect(formatAmount(123456, "BRL", "pt-BR")).toBe("R$\u00a01.234,56");
    expect(formatAmount(1234, "JPY", "pt-BR")).toBe("JP¥\u00a01.234");
    expect(formatPoints(0.125, "pt-BR")).toBe("+12,5 p.p.");
    expect(formatInterval({ estimate: 500, low: -500, high: 1500 }, "BRL", "pt-BR")).toMatch(/^−R\$\u00a05,00 a \+R\$\u00a015,00$/);
  });
});

describe("console wording from lib in the merchant's language", () => {
  it("says where an offer shows, with plurals", () => {
    const upsell = { kind: "UPSELL" as const, triggerProductIds: [], active: true };
    expect(offerReach(upsell, 1, "pt-BR").summary).toBe("Exibida após o checkout em 1 etapa de funil.");
    expect(offerReach(upsell, 3, "pt-BR").summary).toBe("Exibida após o checkout em 3 etapas de funil.");
    expect(offerReach({ ...upsell, active: false }, 0, "pt-BR").summary).toBe("Pausada: não aparece em lugar nenhum até você retomá-la.");
  });

  it("names offer kinds", () => {
    expect(offerKindLabel("CROSS_SELL")).toBe("Cross-sell");
    expect(offerKindLabel("CROSS_SELL", "pt-BR")).toBe("Venda cruzada");
    expect(offerKindLabel("UPGRADE", "pt-BR")).toBe("Upgrade de plano");
  });
});
