// Compact signed tokens for cookies, magic links and return URLs: base64url(JSON payload) + "." +
// base64url(HMAC-SHA256). Every token has a purpose and an expiry, so a token minted for one use
// (say a checkout return) is never accepted for another (say a merchant session).
import crypto from "node:crypto";

export type TokenPurpose = "customer-session" | "magic-link" | "checkout-return" | "merchant-session" | "plan-quote" | "embed-session" | "offer-link" | "offer-bank-return";

type Envelope<T> = { p: TokenPurpose; exp: number; d: T };

function mac(secret: string, body: string): string {
  return crypto.createHmac("sha256", secret).update(body).digest("base64url");
}

export function signToken<T>(secret: string, purpose: TokenPurpose, data: T, ttlSeconds: number, now = Date.now()): string {
  const envelope: Envelope<T> = { p: purpose, exp: Math.floor(now / 1000) + ttlSeconds, d: data };
  const body = Buffer.from(JSON.stringify(envelope)).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

export type VerifyResult<T> = { ok: true; data: T; expiresAt: Date } | { ok: false; reason: "malformed" | "bad-signature" | "wrong-purpose" | "expired" };

export function verifyToken<T>(secret: string, purpose: TokenPurpose, token: string | undefined | null, now = Date.now()): VerifyResult<T> {
  if (!token) return { ok: false, reason: "malformed" };
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: "bad-signature" };
  let envelope: Envelope<T>;
  try {
    envelope = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Envelope<T>;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (envelope.p !== purpose) return { ok: false, reason: "wrong-purpose" };
  if (envelope.exp * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, data: envelope.d, expiresAt: new Date(envelope.exp * 1000) };
}
