// Schemas name their field messages by catalogue key (lib/forms/field-message.ts); the form and
// the action word them in the merchant's language. Other messages pass through as written.
import { describe, expect, it } from "vitest";
import { fieldMessage, wordFieldErrors, wordFieldMessage, type Translate } from "@/lib/forms/field-message";
import { translator } from "@/lib/i18n/translator";
import { fieldErrorsOf } from "@/lib/result";
import { MAX_REVENUE_MATURITY_DAYS, statsSettingsSchema } from "@/lib/stats/settings-schema";
import { storeSettingsSchema } from "@/lib/store/settings-schema";
import { apiKeySchema } from "@/lib/api/key-schema";
import { funnelSchema, stepEditSchema } from "@/lib/offers/funnel-schema";
import { offerSchema } from "@/lib/offers/offer-schema";
import { endpointSchema } from "@/lib/outbound/endpoint-schema";
import { ladderSchema, rankingSchema } from "@/lib/plans/ladder-schema";
import { planValueSchema } from "@/lib/plans/plan-value-schema";
import { refundSchema } from "@/lib/refunds/refund-schema";
import { holdoutSchema, saveOfferSchema } from "@/lib/retention/save-offer-schema";

const words = (locale: "en" | "pt-BR") => translator(locale) as unknown as Translate;

describe("field messages named by catalogue key", () => {
  it("are worded with their values in either language, and plain messages pass through", () => {
    expect(wordFieldMessage(fieldMessage("console.fields.daysMax", { max: 30 }), words("pt-BR"))).toBe("Informe no máximo 30 dias");
    expect(wordFieldMessage(fieldMessage("console.fields.daysMax", { max: 30 }), words("en"))).toBe("Enter at most 30 days");
    expect(wordFieldMessage("Written as is", words("pt-BR"))).toBe("Written as is");
  });

  it("word the stats settings and store branding schemas' refusals", () => {
    const stats = statsSettingsSchema.safeParse({ revenueMaturityDays: String(MAX_REVENUE_MATURITY_DAYS + 1) });
    expect(stats.success).toBe(false);
    expect(wordFieldErrors(fieldErrorsOf(stats.error!), words("pt-BR"))).toEqual({ revenueMaturityDays: [`Informe no máximo ${MAX_REVENUE_MATURITY_DAYS} dias`] });
    const store = storeSettingsSchema.safeParse({ name: "", accentColor: "purple", supportEmail: "nope", logoUrl: "" });
    expect(wordFieldErrors(fieldErrorsOf(store.error!), words("pt-BR"))).toEqual({
      name: ["Dê um nome à loja"],
      accentColor: ["Escolha uma cor como #7c3aed"],
      supportEmail: ["Informe um e-mail como ajuda@exemplo.com"],
    });
    expect(wordFieldErrors(fieldErrorsOf(store.error!), words("en")).name).toEqual(["Give the store a name"]);
  });

  it("word every console schema's refusals in Portuguese, with no marked key left and nothing still English", () => {
    const refusals = [
      apiKeySchema.safeParse({ name: "", scope: "ALL" }),
      endpointSchema.safeParse({ url: "ftp://x", description: "d".repeat(201), eventTypes: ["nope"] }),
      funnelSchema.safeParse({ name: "", windowMinutes: "abc" }),
      stepEditSchema.safeParse({ name: "", holdoutBps: "x", variantOffer: ["a", "b", "c", "d", "e"], variantWeight: ["200"] }),
      offerSchema.safeParse({ name: "", kind: "X", triggerMode: "Y", offeredProductId: "", discountBps: "1.234", headline: "h".repeat(121), body: "b".repeat(1001), ptBrBody: "corpo", minOrder: "1,5", frequencyCap: "x", maxQuantity: "99", badge: "b".repeat(41), bundleProductIds: ["a", "b", "c"], tCurrencies: "dollar", startsAt: "2030-01-02T00:00", endsAt: "2030-01-01T00:00", tOrderMin: "10", tOrderMax: "5", targetMatch: "some", tCustomer: "vip" }),
      ladderSchema.safeParse({ name: "", upgradeProration: "X", upgradeOnPaymentFailure: "X", downgradeTiming: "X", downgradeProration: "FULL_IMMEDIATELY" }),
      rankingSchema.safeParse({ "rank.a": "one", "rank.b": "2", "rank.c": "2" }),
      planValueSchema.safeParse({ productId: "p", features: Array.from({ length: 21 }, (_, i) => `f${i}`).join("\n"), badge: "b".repeat(41) }),
      refundSchema.safeParse({ paymentId: "pay", amount: "x", reason: "" }),
      saveOfferSchema.safeParse({ reason: "X", kind: "PAUSE", pauseCycles: "0", discountPercent: "200", discountCycles: "0.5", headline: "h".repeat(121) }),
      saveOfferSchema.safeParse({ reason: "UNUSED", kind: "DISCOUNTED_PLAN", pauseCycles: "", discountPercent: "", discountCycles: "", headline: "" }),
      holdoutSchema.safeParse({ holdoutPercent: "80" }),
    ];
    for (const refusal of refusals) {
      expect(refusal.success).toBe(false);
      const en = wordFieldErrors(fieldErrorsOf(refusal.error!), words("en"));
      const pt = wordFieldErrors(fieldErrorsOf(refusal.error!), words("pt-BR"));
      for (const [field, messages] of Object.entries(pt)) {
        messages.forEach((message, i) => {
          expect(message).not.toContain("\u0000");
          expect(message, field).not.toBe(en[field]![i]);
        });
      }
    }
    const offer = wordFieldErrors(fieldErrorsOf(refusals[4]!.error!), words("pt-BR"));
    expect(offer).toMatchObject({ discountBps: ["Desconto deve ser um número como 10 ou 12.5"], maxQuantity: ["Máximo de unidades deve ser no máximo 20"], bundleProductIds: ["Um pacote tem no máximo 3 produtos"] });
    expect(wordFieldErrors(fieldErrorsOf(refusals[6]!.error!), words("pt-BR"))).toEqual({ "rank.a": ["A posição deve ser um número inteiro (1 = plano de entrada)"], "rank.c": ["A posição 2 já está em uso nesta escada"] });
  });
});
