// The console's services word their refusals in the merchant's language (the actions pass the
// request's locale): a record gone or in the wrong state, in English by default and in pt-BR.
import { describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/api/keys";
import { createEndpoint, redeliver, sendTestEvent, setEndpointActive } from "@/lib/outbound/endpoints";

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
