// The store-branding form's schema, shared by the console form (client-side checks) and its action.
import { z } from "zod";
import { HEX_COLOUR } from "./brand";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An optional absolute http(s) URL; the server also checks its origin against IMAGE_ORIGINS. */
export const optionalImageUrl = z.preprocess(
  blank,
  z.string().trim().max(2000, "Keep the address under 2,000 characters").regex(/^https?:\/\/\S+$/i, "Enter a full address starting with https://").optional(),
).transform((v) => v ?? null);

export const storeSettingsSchema = z.object({
  name: z.string().trim().min(1, "Give the store a name").max(60, "Keep the name under 60 characters"),
  logoUrl: optionalImageUrl,
  accentColor: z.string().trim().regex(HEX_COLOUR, "Pick a colour like #7c3aed"),
  supportEmail: z.preprocess(blank, z.email("Enter an email address like help@example.com").max(200).optional()).transform((v) => v ?? null),
});

export type StoreSettingsInput = z.output<typeof storeSettingsSchema>;
