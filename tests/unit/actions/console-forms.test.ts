// The console's form actions answer a refusal in the merchant's language: the shared schemas'
// field messages (named by catalogue key) and the services' own refusals, in pt-BR when the
// console is in pt-BR. Cookies and headers are faked (there is no request here).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { MERCHANT_COOKIE, mintMerchantToken } = await import("@/lib/auth/merchant-token");
const { ensureMerchantUser } = await import("@/lib/auth/merchant-users");
const { db } = await import("@/lib/db/client");
const { LOCALE_COOKIE } = await import("@/lib/i18n/locales");
const { createOfferAction } = await import("@/app/merchant/(console)/offers/actions");
const { addStepAction, createFunnelAction, removeStepAction } = await import("@/app/merchant/(console)/funnels/actions");
const { createApiKeyAction, createEndpointAction } = await import("@/app/merchant/(console)/integrations/actions");
const { saveOfferAction } = await import("@/app/merchant/(console)/retention/actions");

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
};
const initial = { attempt: 0, result: null, values: {} };

beforeAll(async () => {
  const user = await ensureMerchantUser(`console-forms-${crypto.randomBytes(4).toString("hex")}@example.com`, "a-long-enough-password");
  jar.set(MERCHANT_COOKIE, mintMerchantToken(process.env.SESSION_SECRET!, await db.merchantUser.findUniqueOrThrow({ where: { id: user.id } })));
});

const inLanguage = (locale: "en" | "pt-BR") => jar.set(LOCALE_COOKIE, locale);

describe("console form refusals in pt-BR", () => {
  it("the offer form: every field message in Portuguese, a field's name inside its message too", async () => {
    inLanguage("pt-BR");
    const answer = await createOfferAction(initial, form({ name: " ", kind: "UPSELL", triggerMode: "specific", offeredProductId: "", discountBps: "120", headline: "", frequencyCap: "0", tCountries: "Brasil", endsAt: "soon" }));
    expect(answer.result).toMatchObject({ ok: false, code: "invalid_input", message: "Corrija os campos destacados." });
    expect(answer.result && !answer.result.ok && answer.result.fieldErrors).toMatchObject({
      name: ["Dê um nome à oferta"],
      offeredProductId: ["Escolha o produto a oferecer"],
      discountBps: ["Desconto deve estar entre 0% e 95%"],
      headline: ["Escreva um título"],
      frequencyCap: ["Limite de frequência deve ser no mínimo 1"],
      triggerProductIds: ["Escolha pelo menos um produto gatilho, ou “Qualquer compra”"],
      tCountries: ["Países: use códigos de duas letras separados por vírgulas, como BR, PT"],
      endsAt: ["Fim: escolha uma data e hora"],
    });
    expect(JSON.stringify(answer)).not.toContain("\\u0000");
  });

  it("the funnel and step forms, and a funnel service's own refusal", async () => {
    inLanguage("pt-BR");
    const funnel = await createFunnelAction(initial, form({ name: "", windowMinutes: "0" }));
    expect(funnel.result).toEqual({ ok: false, code: "invalid_input", message: "Corrija os campos destacados.", fieldErrors: { name: ["Dê um nome ao funil"], windowMinutes: ["A janela das ofertas deve ter pelo menos 1 minuto"] } });
    const step = await addStepAction(initial, form({ funnelId: "fun_missing", name: "Etapa", holdoutBps: "60", variantOffer: ["o1", "o1", ""], variantWeight: ["50", "40", ""] }));
    expect(step.result && !step.result.ok && step.result.fieldErrors).toEqual({
      holdoutBps: ["Controle deve estar entre 0% e 50%"],
      variantWeight: ["Os pesos das variantes devem somar 100% (agora 90%)"],
      variantOffer: ["Cada variante deve mostrar uma oferta diferente"],
    });
    expect((await removeStepAction(initial, form({ stepId: "stp_missing" }))).result).toMatchObject({ ok: false, code: "not_found", message: "Esta etapa não existe mais." });
  });

  it("the API key, endpoint and save-offer forms", async () => {
    inLanguage("pt-BR");
    const key = await createApiKeyAction(initial, form({ name: " ", scope: "READ" }));
    expect(key.result).toMatchObject({ ok: false, message: "Corrija os campos destacados.", fieldErrors: { name: ["Dê um nome à chave (por exemplo, o app que a usa)."] } });
    const endpoint = await createEndpointAction(initial, form({ url: "nope" }));
    expect(endpoint.result).toMatchObject({ fieldErrors: { url: ["Informe uma URL http:// ou https:// (sem nome de usuário nem senha)."], eventTypes: ["Escolha pelo menos um tipo de evento."] } });
    const saveOffer = await saveOfferAction(initial, form({ id: "lad_missing", reason: "TOO_EXPENSIVE", kind: "PAUSE", pauseCycles: "99", discountPercent: "", discountCycles: "", headline: "" }));
    expect(saveOffer.result).toMatchObject({ fieldErrors: { pauseCycles: [expect.stringMatching(/^Pause por no máximo \d+ ciclos$/)] } });
  });

  it("the same refusal in English for an English console", async () => {
    inLanguage("en");
    const funnel = await createFunnelAction(initial, form({ name: "", windowMinutes: "2000" }));
    expect(funnel.result).toEqual({ ok: false, code: "invalid_input", message: "Please fix the highlighted fields.", fieldErrors: { name: ["Give the funnel a name"], windowMinutes: ["Offer window must be at most 1,440 minutes (a day)"] } });
  });
});
