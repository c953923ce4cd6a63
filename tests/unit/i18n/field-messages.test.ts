// Schemas name their field messages by catalogue key (lib/forms/field-message.ts); the form and
// the action word them in the merchant's language. Other messages pass through as written.
import { describe, expect, it } from "vitest";
import { fieldMessage, wordFieldErrors, wordFieldMessage, type Translate } from "@/lib/forms/field-message";
import { translator } from "@/lib/i18n/translator";
import { fieldErrorsOf } from "@/lib/result";
import { MAX_REVENUE_MATURITY_DAYS, statsSettingsSchema } from "@/lib/stats/settings-schema";
import { storeSettingsSchema } from "@/lib/store/settings-schema";

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
});
