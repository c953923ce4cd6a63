"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { saveStoreSettings } from "@/lib/store/settings";

export const saveStoreSettingsAction = merchantFormAction("store branding", z.unknown(), (_input, { values }) => saveStoreSettings(values), async () => {
  const t = await getTranslations();
  return t("console.store.saved");
});
