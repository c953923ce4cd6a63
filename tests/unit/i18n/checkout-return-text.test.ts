// What a failed checkout return says (lib/checkout/return-text.ts), per refusal code and language:
// every code has its own words in each catalogue, and the Portuguese ones are not the English.
import { describe, expect, it } from "vitest";
import { checkoutDeclineText, checkoutReturnText, externalReturnText } from "@/lib/checkout/return-text";
import { translator } from "@/lib/i18n/translator";

const en = translator("en");
const pt = translator("pt-BR");

const OWN = ["forbidden", "not_found", "not_paid", "unverified", "declined"] as const;
const EXTERNAL = ["forbidden", "wrong_return", "not_found", "not_paid", "declined", "expired", "unverified"] as const;

describe("checkout return answers", () => {
  it("word every refusal of Encore's own checkout return in English and in Portuguese", () => {
    const english = OWN.map((code) => checkoutReturnText({ code }, en));
    const portuguese = OWN.map((code) => checkoutReturnText({ code }, pt));
    expect(english).toEqual([
      "This link is not valid, or it has already been used.",
      "We could not find this checkout.",
      "Your payment was not completed.",
      "We could not confirm your payment yet. Please reload this page in a moment.",
      "Your bank declined this payment. Nothing was charged. You can try again with another card.",
    ]);
    expect(portuguese).toEqual([
      "Este link não é válido ou já foi usado.",
      "Não encontramos este checkout.",
      "Seu pagamento não foi concluído.",
      "Ainda não conseguimos confirmar seu pagamento. Recarregue esta página em instantes.",
      "Seu banco recusou este pagamento. Nada foi cobrado. Você pode tentar de novo com outro cartão.",
    ]);
  });

  it("name a soft decline's reason (another card may work) and keep hard declines plain", () => {
    expect(checkoutReturnText({ code: "declined", declineKind: "insufficient_funds" }, pt)).toBe("Seu cartão foi recusado por saldo insuficiente. Nada foi cobrado. Você pode tentar de novo com outro cartão.");
    expect(checkoutDeclineText("expired_card", en)).toBe("Your card has expired. Nothing was charged. You can try again with another card.");
    expect(checkoutDeclineText("authentication", pt)).toBe("Seu banco não conseguiu confirmar este pagamento. Nada foi cobrado. Você pode tentar de novo.");
    expect(checkoutDeclineText("declined", pt)).toBe(checkoutDeclineText(undefined, pt));
  });

  it("word every refusal of an external checkout's return, each differently, in both languages", () => {
    for (const t of [en, pt]) {
      const texts = EXTERNAL.map((code) => externalReturnText(code, t));
      expect(new Set(texts).size).toBe(EXTERNAL.length);
    }
    for (const code of EXTERNAL) expect(externalReturnText(code, pt)).not.toBe(externalReturnText(code, en));
    expect(externalReturnText("forbidden", pt)).toBe("Esta compra já foi aberta em outro navegador. As ofertas dela só aparecem lá. Veja o recibo no seu e-mail.");
  });
});
