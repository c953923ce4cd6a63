// The store-branding form's schema, shared by the console form (client-side checks) and its action.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
import { HEX_COLOUR } from "./brand";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An optional absolute http(s) URL; the server also checks its origin against IMAGE_ORIGINS. */
export const optionalImageUrl = z.preprocess(
  blank,
  z.string().trim().max(2000, fieldMessage("console.fields.urlLength")).regex(/^https?:\/\/\S+$/i, fieldMessage("console.fields.urlFull")).optional(),
).transform((v) => v ?? null);

export const storeSettingsSchema = z.object({
  name: z.string().trim().min(1, fieldMessage("console.fields.storeName")).max(60, fieldMessage("console.fields.storeNameLength")),
  logoUrl: optionalImageUrl,
  accentColor: z.string().trim().regex(HEX_COLOUR, fieldMessage("console.fields.colour")),
  supportEmail: z.preprocess(blank, z.email(fieldMessage("console.fields.email")).max(200, fieldMessage("console.fields.emailLength")).optional()).transform((v) => v ?? null),
});

export type StoreSettingsInput = z.output<typeof storeSettingsSchema>;
