"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { saveStatsSettings } from "@/lib/stats/settings";

export const saveStatsSettingsAction = merchantFormAction(
  "stats settings",
  z.unknown(),
  (_input, { values }) => saveStatsSettings(values),
  async (saved) => {
    const t = await getTranslations();
    return saved.revenueMaturityDays === 0 ? t("console.statsPage.settingsSavedNow") : t("console.statsPage.settingsSaved", { days: saved.revenueMaturityDays });
  },
);
