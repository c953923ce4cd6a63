"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { answered, merchantFormAction, merchantFormPost, worded } from "@/lib/actions/form";
import { merchantAction } from "@/lib/actions/define";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { formText } from "@/lib/forms/fields";
import { formValues } from "@/lib/forms/state";
import { requestLocale } from "@/lib/i18n/request";
import { createEndpoint, deleteEndpoint, redeliver, sendTestEvent, setEndpointActive, updateEndpoint } from "@/lib/outbound/endpoints";
import type { KeyFormState } from "./_components/key-state";

const record = z.object({ id: formText });

/** Creates a key and answers its secret, once: it is stored only as a hash. */
export const createApiKeyAction = merchantAction(z.unknown(), {
  name: "create api key",
  onFailure: (failure, { args }): KeyFormState => answered(args, failure),
  run: async (_input, { args }): Promise<KeyFormState> => {
    const form = args.at(-1) instanceof FormData ? (args.at(-1) as FormData) : new FormData();
    const values = formValues(form);
    const result = await createApiKey(values);
    // The schema names its field messages by catalogue key: worded in the console's language.
    if (!result.ok) return answered(args, worded(result, await requestLocale()), values);
    revalidatePath("/merchant/integrations");
    const t = await getTranslations();
    return { ...answered(args, { ok: true, message: t("console.integrations.keyCreated", { name: result.name }) }, {}), secret: result.secret };
  },
});

export const revokeApiKeyAction = merchantFormAction("revoke api key", record, ({ id }, { locale }) => revokeApiKey(id, { locale }), async (key) => {
  const t = await getTranslations();
  return t("console.integrations.keyRevoked", { name: key.name });
});

export const createEndpointAction = merchantFormAction("create webhook endpoint", z.unknown(), (_input, { values }) => createEndpoint(values), (endpoint) => redirect(`/merchant/integrations/endpoints/${endpoint.id}?saved=created`));

export const updateEndpointAction = merchantFormAction("update webhook endpoint", record, ({ id }, { values, locale }) => updateEndpoint(id, values, { locale }), async () => {
  const t = await getTranslations();
  return t("console.integrations.endpointSaved");
});

export const setEndpointActiveAction = merchantFormPost("enable or disable webhook endpoint", record.extend({ active: formText }), ({ id, active }) => setEndpointActive(id, active === "true"));

export const deleteEndpointAction = merchantFormAction("delete webhook endpoint", record, ({ id }, { locale }) => deleteEndpoint(id, { locale }), () => redirect("/merchant/integrations?saved=deleted"));

export const sendTestEventAction = merchantFormAction("send test webhook", record, ({ id }, { locale }) => sendTestEvent(id, { locale }), async () => {
  const t = await getTranslations();
  return t("console.integrations.testQueued");
});

export const redeliverAction = merchantFormAction("redeliver webhook", record, ({ id }, { locale }) => redeliver(id, { locale }), async () => {
  const t = await getTranslations();
  return t("console.integrations.redeliverQueued");
});
