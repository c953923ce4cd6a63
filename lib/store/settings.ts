import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { StoreSettings } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import { invalid, invalidFields, ok, type Result } from "@/lib/result";
import { fieldMessage } from "@/lib/forms/field-message";
import { DEFAULT_BRAND, HEX_COLOUR, type StoreBrand } from "./brand";
import { isAllowedImageUrl, shownImage, type ImageOrigins } from "./images";
import { storeSettingsSchema } from "./settings-schema";

const STORE_ID = "store";

export const imageEnv = (): ImageOrigins => {
  const env = loadEnv();
  return { appUrl: env.APP_URL, imageOrigins: env.IMAGE_ORIGINS };
};

/**
 * The store's branding as customers see it: the merchant's settings over the defaults. A logo the
 * CSP would block (IMAGE_ORIGINS changed since it was saved) is left out. Read once per request.
 */
export const storeBrand = cache(async (): Promise<StoreBrand> => {
  // Raw: every store page reads it, and a Prisma model read costs ~3x the CPU of the same SQL
  // (the thank-you page's render budget, bench/journey.ts).
  const [row] = await db.$queryRaw<Pick<StoreSettings, "name" | "logoUrl" | "accentColor" | "supportEmail">[]>`
    SELECT "name", "logoUrl", "accentColor", "supportEmail" FROM "StoreSettings" WHERE "id" = ${STORE_ID}`;
  if (!row) return DEFAULT_BRAND;
  return {
    name: row.name,
    logoUrl: shownImage(row.logoUrl, imageEnv()),
    accentColor: row.accentColor && HEX_COLOUR.test(row.accentColor) ? row.accentColor.toLowerCase() : DEFAULT_BRAND.accentColor,
    supportEmail: row.supportEmail,
  };
});

/** The settings form's values (the stored ones, else the defaults). */
export async function storeSettingsValues(): Promise<Record<string, string>> {
  const row = await db.storeSettings.findUnique({ where: { id: STORE_ID } });
  return {
    name: row?.name ?? DEFAULT_BRAND.name,
    logoUrl: row?.logoUrl ?? "",
    accentColor: row?.accentColor ?? DEFAULT_BRAND.accentColor,
    supportEmail: row?.supportEmail ?? "",
  };
}

export async function saveStoreSettings(raw: unknown): Promise<Result<{ brand: StoreBrand }>> {
  const parsed = storeSettingsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  if (input.logoUrl && !isAllowedImageUrl(input.logoUrl, imageEnv())) {
    return invalidFields({ logoUrl: [imageOriginMessage()] });
  }
  const data = { ...input, accentColor: input.accentColor.toLowerCase() };
  await db.storeSettings.upsert({ where: { id: STORE_ID }, create: { id: STORE_ID, ...data }, update: data });
  return ok({ brand: { ...data } });
}

/** Why an image address was refused: where images may come from (a field message, worded where shown). */
export function imageOriginMessage(): string {
  const env = imageEnv();
  const origins = [new URL(env.appUrl).origin, ...env.imageOrigins];
  return fieldMessage("console.fields.imageOrigin", { origins: origins.join(", ") });
}
