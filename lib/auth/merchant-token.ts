// The merchant session cookie's contents: a signed, purpose-bound token naming the user plus a
// fingerprint of their password hash, so changing a password ends every existing session.
import crypto from "node:crypto";
import { signToken, verifyToken } from "./signed-token";

/** The cookie's name over plain http (session-cookie.ts: `__Host-encore_merchant` over https). */
export const MERCHANT_COOKIE = "encore_merchant";
export const MERCHANT_SESSION_TTL_SECONDS = 12 * 60 * 60;

export type MerchantSessionData = { uid: string; pv: string };

export function passwordFingerprint(passwordHash: string): string {
  return crypto.createHash("sha256").update(passwordHash).digest("base64url").slice(0, 16);
}

export function mintMerchantToken(secret: string, user: { id: string; passwordHash: string }, now = Date.now()): string {
  return signToken<MerchantSessionData>(secret, "merchant-session", { uid: user.id, pv: passwordFingerprint(user.passwordHash) }, MERCHANT_SESSION_TTL_SECONDS, now);
}

/** The session's claims, or null for anything not minted by us for a merchant session. */
export function readMerchantToken(secret: string, token: string | undefined, now = Date.now()): MerchantSessionData | null {
  const result = verifyToken<MerchantSessionData>(secret, "merchant-session", token, now);
  if (!result.ok || typeof result.data?.uid !== "string" || typeof result.data?.pv !== "string") return null;
  return result.data;
}
