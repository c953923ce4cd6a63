// The console's services word their refusals in the merchant's language (the actions pass the
// request's locale): a record gone or in the wrong state, in English by default and in pt-BR.
import { describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/api/keys";
import { ageLabel } from "@/lib/attention/needs-attention";
import { refundOfferPurchase } from "@/lib/refunds/refund";
import { replayEvent } from "@/lib/webhooks/log";
import { createEndpoint, redeliver, sendTestEvent, setEndpointActive } from "@/lib/outbound/endpoints";
import { createLadder, updateLadder } from "@/lib/plans/ladder-admin";
import { setPlanValue } from "@/lib/plans/plan-value-admin";
import { DEFAULT_POLICY } from "@/components/merchant/ladder-forms";
import { addStep, removeStep, updateFunnel, updateStep } from "@/lib/offers/funnel-admin";
import { keepOnlyVariant } from "@/lib/experiments/step-experiment";
import { removeMomentTarget } from "@/lib/offers/moment-admin";
import { setOfferActive } from "@/lib/offers/offer-admin";

describe("integrations refusals", () => {
  it("say a key, an endpoint or a delivery is gone", async () => {
    expect(await revokeApiKey("key_missing")).toMatchObject({ ok: false, code: "not_found", message: "This key no longer exists." });
    expect(await revokeApiKey("key_missing", { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esta chave não existe mais." });
    expect(await sendTestEvent("ep_missing", { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Este endpoint não existe mais." });
    expect(await redeliver("del_missing", { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esta entrega não existe mais." });
  });

  it("ask to enable a disabled endpoint before a test event", async () => {
    const created = await createEndpoint({ url: `https://hooks.example.com/${Date.now()}`, eventTypes: ["offer.accepted"] });
    if (!created.ok) throw new Error(created.message);
    await setEndpointActive(created.id, false);
    expect(await sendTestEvent(created.id, { locale: "pt-BR" })).toMatchObject({ ok: false, code: "disabled", message: "Ative o endpoint antes de enviar um evento de teste a ele." });
  });
});

describe("products and ladders refusals", () => {
  it("name a taken ladder name on its field, and a ladder or plan gone", async () => {
    const name = `Ladder ${Date.now()}-${Math.random()}`;
    expect(await createLadder({ ...DEFAULT_POLICY, name })).toMatchObject({ ok: true });
    expect(await createLadder({ ...DEFAULT_POLICY, name }, { locale: "pt-BR" })).toMatchObject({ ok: false, fieldErrors: { name: ["Já existe uma escada de planos com este nome"] } });
    expect(await updateLadder("lad_missing", { ...DEFAULT_POLICY, name: `${name} 2` }, { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esta escada de planos não existe mais." });
    expect(await setPlanValue({ productId: "pdt_missing", features: "", badge: "" }, { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Este plano não existe mais." });
  });
});

describe("funnel refusals", () => {
  it("say a funnel or a step is gone, in English by default and in pt-BR", async () => {
    expect(await updateFunnel("fun_missing", { name: "F", windowMinutes: "15" })).toMatchObject({ ok: false, code: "not_found", message: "This funnel no longer exists." });
    expect(await updateFunnel("fun_missing", { name: "F", windowMinutes: "15" }, { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Este funil não existe mais." });
    expect(await addStep("fun_missing", { name: "S", holdoutBps: "0", variantOffer: ["off_missing"], variantWeight: ["100"] }, { locale: "pt-BR" })).toMatchObject({ ok: false, fieldErrors: { variantOffer: ["Algumas ofertas não existem mais"] } });
    expect(await updateStep("stp_missing", { name: "S", holdoutBps: "0", variantOffer: [], variantWeight: [] }, { locale: "pt-BR" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await removeStep("stp_missing", { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esta etapa não existe mais." });
  });
});

describe("offer refusals", () => {
  it("say an offer, a moment target or an experiment's variant is gone, in English by default and in pt-BR", async () => {
    expect(await setOfferActive("off_missing", true)).toMatchObject({ ok: false, code: "not_found", message: "This offer no longer exists." });
    expect(await setOfferActive("off_missing", true, { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esta oferta não existe mais." });
    expect(await removeMomentTarget("off_missing", "mom_missing", { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Este momento já foi removido." });
    expect(await keepOnlyVariant("stp_missing", "var_missing", { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esta variante não existe mais." });
  });
});

describe("refunds, events and attention in pt-BR", () => {
  it("refuse a refund of no offer purchase and a replay of no event", async () => {
    expect(await refundOfferPurchase({ paymentId: "pay_missing", amount: "", reason: "pedido do cliente" }, undefined, { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esta não é uma compra de oferta paga." });
    expect(await replayEvent("", { locale: "pt-BR" })).toMatchObject({ ok: false, message: "Escolha um evento para reprocessar." });
    expect(await replayEvent("evt_missing", { locale: "pt-BR" })).toMatchObject({ ok: false, code: "not_found", message: "Esse evento não existe." });
  });

  it("say how long something has waited", () => {
    const now = new Date("2031-01-01T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(ageLabel(ago(20_000), now, "pt-BR")).toBe("menos de um minuto");
    expect(ageLabel(ago(125 * 60_000), now, "pt-BR")).toBe("2 h 5 min");
  });
});
