// Standard Webhooks verification (the same library the Dodo SDK's webhooks.unwrap uses): HMAC over
// `${id}.${timestamp}.${rawBody}` with the whsec_ key, and a ±5 minute timestamp window.
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { DodoEnvelope, VerifiedEvent } from "./types";

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export type VerifyResult =
  | { ok: true; event: VerifiedEvent }
  | { ok: false; status: 400 | 401; error: string };

const SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

function pickHeaders(headers: HeaderSource): Record<string, string> {
  const picked: Record<string, string> = {};
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    return Array.isArray(value) ? value.join(" ") : value;
  };
  for (const name of SIGNATURE_HEADERS) {
    const value = get(name);
    if (value) picked[name] = value;
  }
  return picked;
}

// Constructing a Webhook decodes the key; keep one per secret.
let cached: { secret: string; webhook: Webhook } | undefined;
function webhookFor(secret: string): Webhook {
  if (cached?.secret !== secret) cached = { secret, webhook: new Webhook(secret) };
  return cached.webhook;
}

function parseEnvelope(body: unknown, headerTimestamp: string): DodoEnvelope | null {
  if (typeof body !== "object" || body === null) return null;
  const { type, timestamp, data, business_id } = body as Record<string, unknown>;
  if (typeof type !== "string" || type === "") return null;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const validTimestamp = typeof timestamp === "string" && !Number.isNaN(Date.parse(timestamp));
  return {
    type,
    // Every Dodo envelope has a timestamp; the signed header is a fallback for one that doesn't.
    timestamp: validTimestamp ? timestamp : new Date(Number(headerTimestamp) * 1000).toISOString(),
    data: data as Record<string, unknown>,
    ...(typeof business_id === "string" ? { business_id } : {}),
  };
}

/** Verifies signature and freshness, then checks the body is a Dodo envelope. Never throws. */
export function verifyDodoWebhook(rawBody: string, headers: HeaderSource, secret: string): VerifyResult {
  const picked = pickHeaders(headers);
  let body: unknown;
  try {
    body = webhookFor(secret).verify(rawBody, picked);
  } catch (err) {
    if (err instanceof WebhookVerificationError) return { ok: false, status: 401, error: err.message };
    // A signed body that is not JSON: authentic, but nothing we can act on.
    if (err instanceof SyntaxError) return { ok: false, status: 400, error: "body is not JSON" };
    throw err;
  }
  const envelope = parseEnvelope(body, picked["webhook-timestamp"] ?? "0");
  if (!envelope) return { ok: false, status: 400, error: "body is not a Dodo webhook envelope" };
  return {
    ok: true,
    event: {
      webhookId: picked["webhook-id"] ?? "",
      type: envelope.type,
      occurredAt: new Date(envelope.timestamp),
      envelope,
    },
  };
}
