// The stats settings form's schema, shared by the console form (client-side checks) and its action.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";

/** The longest wait a merchant may set before revenue counts: a year covers every refund and dispute window. */
export const MAX_REVENUE_MATURITY_DAYS = 365;

export const statsSettingsSchema = z.object({
  revenueMaturityDays: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? "0" : v),
    z.coerce
      .number({ message: fieldMessage("console.fields.daysNumber") })
      .int(fieldMessage("console.fields.daysWhole"))
      .min(0, fieldMessage("console.fields.daysMin"))
      .max(MAX_REVENUE_MATURITY_DAYS, fieldMessage("console.fields.daysMax", { max: MAX_REVENUE_MATURITY_DAYS })),
  ),
});

export type StatsSettingsInput = z.output<typeof statsSettingsSchema>;
