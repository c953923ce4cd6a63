import "server-only";
import { loadEnv } from "@/lib/env";
import { processWebhookEvent, type ProcessOptions } from "./process";
import { verifyDodoWebhook, type HeaderSource } from "./verify";

/** Dodo payloads are a few KB; anything near this is not a Dodo webhook. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

export type WebhookRequest = { rawBody: string; headers: HeaderSource };
export type WebhookResponse = { status: number; body: Record<string, unknown> };

export type HandleOptions = ProcessOptions & { secret?: string };

/**
 * POST /api/webhooks/dodo without the framework: size cap, signature, then store-and-apply.
 * 2xx means the event is committed (applied, ignored as irrelevant, rejected as unusable — a
 * retry would fail the same way — or already stored before); 5xx means our processing failed for
 * a reason that may pass (database, Dodo unreachable) and Dodo should redeliver. Never throws.
 */
export async function handleDodoWebhook(req: WebhookRequest, options: HandleOptions = {}): Promise<WebhookResponse> {
  if (Buffer.byteLength(req.rawBody, "utf8") > MAX_WEBHOOK_BODY_BYTES) {
    return { status: 413, body: { error: "payload_too_large" } };
  }
  let secret: string;
  try {
    secret = options.secret ?? loadEnv().DODO_PAYMENTS_WEBHOOK_KEY;
  } catch (err) {
    return { status: 500, body: { error: "misconfigured", detail: err instanceof Error ? err.message : String(err) } };
  }
  const verified = verifyDodoWebhook(req.rawBody, req.headers, secret);
  if (!verified.ok) return { status: verified.status, body: { error: verified.error } };

  const { event } = verified;
  const result = await processWebhookEvent(event, options);
  if (result.outcome === "FAILED") {
    return { status: 500, body: { error: "processing_failed", id: event.webhookId } };
  }
  return { status: 200, body: { id: event.webhookId, outcome: result.outcome.toLowerCase() } };
}
