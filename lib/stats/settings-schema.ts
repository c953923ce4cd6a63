// The stats settings form's schema, shared by the console form (client-side checks) and its action.
import { z } from "zod";

/** The longest wait a merchant may set before revenue counts: a year covers every refund and dispute window. */
export const MAX_REVENUE_MATURITY_DAYS = 365;

export const statsSettingsSchema = z.object({
  revenueMaturityDays: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? "0" : v),
    z.coerce
      .number({ message: "Enter a number of days, like 0 or 14" })
      .int("Enter a whole number of days")
      .min(0, "Enter 0 or more days")
      .max(MAX_REVENUE_MATURITY_DAYS, `Enter at most ${MAX_REVENUE_MATURITY_DAYS} days`),
  ),
});

export type StatsSettingsInput = z.output<typeof statsSettingsSchema>;
