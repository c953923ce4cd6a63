"use server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { saveStatsSettings } from "@/lib/stats/settings";

export const saveStatsSettingsAction = merchantFormAction(
  "stats settings",
  z.unknown(),
  (_input, { values }) => saveStatsSettings(values),
  (saved) => (saved.revenueMaturityDays === 0 ? "Saved: payments count as revenue at once." : `Saved: payments count as revenue once ${saved.revenueMaturityDays} days old.`),
);
