// The console's "what this plan includes" form: shared by the form and its action.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
import { parseFeatureLines } from "./value";

export const MAX_FEATURES = 20;

export const planValueSchema = z.object({
  productId: z.string().min(1),
  features: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string())
    .transform(parseFeatureLines)
    .refine((f) => f.length <= MAX_FEATURES, fieldMessage("console.fields.planValue.features", { max: MAX_FEATURES }))
    .refine((f) => f.every((line) => line.length <= 120), fieldMessage("console.fields.planValue.featureLength")),
  badge: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(40, fieldMessage("console.fields.badgeLength", { max: 40 }))).transform((b) => b || null),
});
