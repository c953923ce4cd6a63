"use server";
import { getTranslations, getLocale } from "next-intl/server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import type { Locale } from "@/lib/i18n/locales";
import { saveSaveOffer, setRetentionHoldout } from "@/lib/retention/save-offers";
import { formatCount } from "@/lib/stats/format";

const ladder = z.object({ id: formText });

export const saveOfferAction = merchantFormAction("save offer", ladder, ({ id }, { values, locale }) => saveSaveOffer(id, values, { locale }), async (r) => {
  const t = await getTranslations();
  return r.removed ? t("console.retention.removed") : t("console.retention.saved");
});

export const holdoutAction = merchantFormAction("retention holdout", ladder, ({ id }, { values, locale }) => setRetentionHoldout(id, values, { locale }), async (r) => {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return t("console.retention.holdoutSet", { percent: formatCount(r.holdoutBps / 100, locale) });
});
