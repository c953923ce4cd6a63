// The console's numbers, money and generated wording per locale: stats figures through Intl (one
// money formatter), and an offer's reach in the merchant's language.
import { describe, expect, it } from "vitest";
import { offerReach } from "@/lib/offers/reach";
import { offerKindLabel } from "@/lib/offers/offer-kind-label";
import { offerLabel, reasonLabel, saveOfferKindLabel } from "@/lib/retention/labels";
import { directionLabel, planChangeReport } from "@/lib/stats/plan-changes";
import { describeCondition } from "@/lib/offers/targeting";
import { judgeExperiment, MIN_IMPRESSIONS } from "@/lib/experiments/significance";
import { disputeStatusLabel, refundRequestLabel, refundStatusLabel } from "@/lib/refunds/labels";
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

describe("stats labels the report makes up, in the merchant's language", () => {
  const row = { ladderId: null, origin: "PLAN_PAGE", direction: "UPGRADE", currency: "BRL", sent: 1, applied: 1, scheduled: 0, failed: 0, awaiting: 0, kept: 0, chargedNow: 500, mrrApplied: 500, mrrScheduled: 0 };

  it("names origins, a missing ladder and directions", () => {
    const pt = planChangeReport([row, { ...row, ladderId: "gone", origin: "UPGRADE_OFFER" }], new Map(), "pt-BR");
    expect(pt.byOrigin.map((l) => l.groupLabel)).toEqual(["Oferta de upgrade", "Página de planos"]);
    expect(pt.byLadder.map((l) => l.groupLabel).sort()).toEqual(["Escada excluída", "Sem escada"]);
    expect(planChangeReport([row], new Map()).byOrigin[0]!.groupLabel).toBe("Plan page");
    expect(directionLabel("DOWNGRADE")).toBe("Downgrade");
  });

  it("names save offers and reasons, keeping the plan's name as written", () => {
    const base = { pauseCycles: null, discountBps: null, discountCycles: null, targetProduct: null, targetProductId: null };
    expect(offerLabel({ ...base, kind: "PAUSE", pauseCycles: 1 }, "pt-BR")).toBe("Uma pausa (1 ciclo)");
    expect(offerLabel({ ...base, kind: "PAUSE", pauseCycles: 2 })).toBe("A pause (2 cycles)");
    expect(offerLabel({ ...base, kind: "DISCOUNTED_PLAN", discountBps: 2000, discountCycles: 3 }, "pt-BR")).toBe("Um plano com desconto: o plano atual, 20% de desconto por 3 ciclos");
    expect(offerLabel({ ...base, kind: "CHEAPER_PLAN", targetProduct: { name: "Starter" }, targetProductId: "p" }, "pt-BR")).toBe("Um plano mais barato: Starter");
    expect(saveOfferKindLabel("", "pt-BR")).toBe("Nenhuma oferta de retenção");
    expect(reasonLabel("TOO_EXPENSIVE", "pt-BR")).not.toBe(reasonLabel("TOO_EXPENSIVE"));
    expect(reasonLabel("NONE", "pt-BR")).toBe("Nenhum motivo informado");
  });
});

describe("conditions, refund states and ages in the merchant's language", () => {
  const names = { product: (id: string) => (id === "pdt_a" ? "Curso" : "Mentoria"), amount: (minor: number, currency: string) => `${currency} ${minor / 100}` };

  it("words targeting conditions, joining lists with the language's 'or'", () => {
    expect(describeCondition({ kind: "not_owns", productIds: ["pdt_a", "pdt_b"] }, names, "pt-BR")).toBe("não tem Curso ou Mentoria");
    expect(describeCondition({ kind: "order_value", currency: "BRL", min: 1000, max: null }, names, "pt-BR")).toBe("valor do pedido de pelo menos BRL 10");
    expect(describeCondition({ kind: "subscription", statuses: ["ACTIVE", "PAUSED"], planIds: ["pdt_b"] }, names, "pt-BR")).toBe("tem uma assinatura (ativa ou pausada) de Mentoria");
    expect(describeCondition({ kind: "subscription", statuses: ["ACTIVE", "PAUSED"], planIds: [] }, names)).toBe("has a subscription (active or paused)");
  });

  it("names Dodo's refund and dispute statuses and our requests' states", () => {
    expect(refundStatusLabel("succeeded", "pt-BR")).toBe("concluído");
    expect(refundStatusLabel("something_new", "pt-BR")).toBe("something_new");
    expect(disputeStatusLabel("dispute_lost", "pt-BR")).toBe("perdida");
    expect(disputeStatusLabel("dispute_lost")).toBe("lost");
    expect(refundRequestLabel("UNKNOWN", "pt-BR")).toBe("confirmando com a Dodo");
  });
});

describe("an experiment's verdict in the merchant's language", () => {
  it("says why there is no winner yet", () => {
    const arm = (label: string, impressions: number) => ({ variantId: `v_${label}`, label, impressions, accepts: 0, valuePerImpression: null });
    expect(judgeExperiment([arm("A", 10)], "pt-BR").why).toBe("Só uma variante: nada a comparar.");
    expect(judgeExperiment([arm("A", 1), arm("B", MIN_IMPRESSIONS)], "pt-BR").why).toBe(`Cedo demais: cada variante precisa de ${MIN_IMPRESSIONS} impressões (A tem menos).`);
    expect(judgeExperiment([arm("A", 1), arm("B", 1)]).why).toBe(`Too early: every variant needs ${MIN_IMPRESSIONS} impressions (A, B have fewer).`);
  });
});
