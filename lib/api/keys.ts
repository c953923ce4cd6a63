import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { apiKeySchema } from "./key-schema";

// API keys for the merchant's backend. The secret is random (190 bits), shown once and stored
// only as its SHA-256: a leaked database does not leak usable keys, and because the secret is
// high-entropy a fast hash is enough (no password stretching needed). A key is found by its hash
// (unique index), so there is no secret comparison to time.

const PREFIX = "enc_sk_";
/** How many characters of the secret the console shows to tell keys apart. */
const SHOWN = PREFIX.length + 6;
/** last-used is written at most this often per key, so busy keys don't write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyView = { id: string; name: string; prefix: string; scope: ApiKeyScope; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
export type AuthenticatedKey = { id: string; name: string; scope: ApiKeyScope };

const hashOf = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");

/** Makes a key; the secret is in the answer and nowhere else, ever. */
export async function createApiKey(raw: unknown): Promise<Result<{ id: string; secret: string; name: string }>> {
  const parsed = apiKeySchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const secret = PREFIX + crypto.randomBytes(24).toString("base64url");
  const row = await db.apiKey.create({ data: { name: parsed.data.name, scope: parsed.data.scope, prefix: secret.slice(0, SHOWN), secretHash: hashOf(secret) } });
  return ok({ id: row.id, secret, name: row.name });
}

export function listApiKeys(): Promise<ApiKeyView[]> {
  return db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revoking is immediate and final: the next request with the key gets 401. */
export async function revokeApiKey(id: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ name: string }>> {
  const t = translator(locale);
  const key = await db.apiKey.findUnique({ where: { id } });
  if (!key) return fail("not_found", t("console.integrations.keyGone"));
  await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return ok({ name: key.name });
}

/** The live key this secret is, or null (unknown, malformed or revoked). Records its use. */
export async function authenticateApiKey(secret: string, now = new Date()): Promise<AuthenticatedKey | null> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return null;
  const key = await db.apiKey.findUnique({ where: { secretHash: hashOf(secret) }, select: { id: true, name: true, scope: true, revokedAt: true } });
  if (!key || key.revokedAt) return null;
  await db.apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
  return { id: key.id, name: key.name, scope: key.scope };
}

/** A write key may also read. */
export function keyAllows(key: Pick<AuthenticatedKey, "scope">, needed: "read" | "write"): boolean {
  return needed === "read" || key.scope === "WRITE";
}
