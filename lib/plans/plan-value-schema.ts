// The console's "what this plan includes" form: shared by the form and its action.
import { z } from "zod";
import { parseFeatureLines } from "./value";

export const MAX_FEATURES = 20;

export const planValueSchema = z.object({
  productId: z.string().min(1),
  features: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string())
    .transform(parseFeatureLines)
    .refine((f) => f.length <= MAX_FEATURES, `List at most ${MAX_FEATURES} features`)
    .refine((f) => f.every((line) => line.length <= 120), "Keep each feature under 120 characters"),
  badge: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(40, "Keep the badge under 40 characters")).transform((b) => b || null),
});
