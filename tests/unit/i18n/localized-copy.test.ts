import { describe, expect, it } from "vitest";
import { offerChargedEmail, signInLinkEmail } from "@/lib/mail/messages";
import { copyFor } from "@/lib/offers/copy";
import { DEFAULT_BRAND } from "@/lib/store/brand";

const brand = { ...DEFAULT_BRAND, name: "Loja", supportEmail: "ajuda@loja.test" };

describe("an offer's copy per language", () => {
  const base = { headline: "Add a coaching call", body: "Only on this page." };
  const copies = [{ locale: "pt-BR", headline: "Adicione uma mentoria", body: "" }];

  it("is the merchant's copy for the customer's language, whole (an empty body stays empty)", () => {
    expect(copyFor(base, copies, "pt-BR")).toEqual({ headline: "Adicione uma mentoria", body: "", locale: "pt-BR" });
  });

  it("falls back to the default language when none was written, and says so (for lang)", () => {
    expect(copyFor(base, [], "pt-BR")).toEqual({ ...base, locale: "en" });
    expect(copyFor(base, copies, "en")).toEqual({ ...base, locale: "en" });
  });
});

describe("emails in the customer's language", () => {
  it("a sign-in link in Brazilian Portuguese", () => {
    const mail = signInLinkEmail({ brand, link: "https://x.test/l", minutes: 15, locale: "pt-BR" });
    expect(mail.subject).toBe("Seu link de acesso à Loja");
    expect(mail.text).toContain("Ele funciona uma vez, nos próximos 15 minutos.");
    expect(mail.html).toContain('<html lang="pt-BR">');
    expect(mail.text).toContain("Dúvidas? Escreva para ajuda@loja.test.");
    expect(mail.html).toContain('Dúvidas? Escreva para <a href="mailto:ajuda@loja.test">ajuda@loja.test</a>.');
  });

  it("a one-click receipt in each language", () => {
    const input = { brand, productName: "Mentoria", quantity: 1, amount: "R$ 99,00", card: { brand: "Visa", last4: "4242" }, accountUrl: "https://x.test/account" };
    const pt = offerChargedEmail({ ...input, locale: "pt-BR" });
    expect(pt.subject).toBe("Adicionado ao seu pedido: Mentoria");
    expect(pt.text).toContain("Cobramos R$ 99,00 no seu Visa com final 4242.");
    const en = offerChargedEmail({ ...input, locale: "en" });
    expect(en.text).toContain("We charged R$ 99,00 to your Visa ending in 4242.");
    expect(en.html).toContain('<html lang="en">');
    expect(en.text).toContain("Questions? Write to ajuda@loja.test.");
  });

  it("several units of an offer, said in each language", () => {
    const input = { brand, productName: "Mentoria", quantity: 3, amount: "R$ 297,00", card: null, accountUrl: "https://x.test/account" };
    const pt = offerChargedEmail({ ...input, locale: "pt-BR" });
    expect(pt.subject).toBe("Adicionado ao seu pedido: 3 × Mentoria");
    expect(pt.text).toContain("3 × Mentoria foram adicionados ao seu pedido. Cobramos R$ 297,00.");
    const en = offerChargedEmail({ ...input, locale: "en" });
    expect(en.subject).toBe("Added to your order: 3 × Mentoria");
    expect(en.text).toContain("3 × Mentoria have been added to your order. We charged R$ 297,00.");
  });
});
