import "server-only";
import { db } from "@/lib/db/client";
import { signedHeaders } from "./sign";

// One try of one delivery, as the worker runs it: POST the stored event, freshly signed (the
// timestamp is the try's, so a receiver's 5-minute tolerance holds on a retry hours later), and
// record what the merchant's app answered. A non-2xx answer, a redirect, a timeout or a refused
// connection is a failure: the job throws and graphile-worker retries it with backoff.

/** The merchant's app must answer within this. */
export const DELIVERY_TIMEOUT_MS = 10_000;
const RESPONSE_KEPT_CHARS = 500;

export class DeliveryFailed extends Error {}

export type TryContext = { attempt: number; maxAttempts: number; now?: Date };

export async function deliverOnce(deliveryId: string, ctx: TryContext): Promise<"delivered" | "skipped"> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { event: true, endpoint: true } });
  // Removed with its endpoint, or already delivered (a redeliver queued next to a retry): nothing to do.
  if (!delivery || delivery.status === "SUCCEEDED") return "skipped";
  if (!delivery.endpoint.active) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", lastError: "The endpoint is disabled." } });
    return "skipped";
  }
  const at = ctx.now ?? new Date();
  const body = JSON.stringify(delivery.event.payload);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  let responseBody: string | null = null;
  try {
    const response = await fetch(delivery.endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Encore-Webhooks/1", ...signedHeaders(delivery.endpoint.secret, delivery.eventId, body, at) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    statusCode = response.status;
    responseBody = (await response.text().catch(() => "")).slice(0, RESPONSE_KEPT_CHARS) || null;
    if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
  } catch (err) {
    error = err instanceof Error && err.name === "TimeoutError" ? `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : `Could not connect: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`;
  }
  const durationMs = Date.now() - started;
  const delivered = error === null;
  const last = !delivered && ctx.attempt >= ctx.maxAttempts;
  await db.$transaction([
    db.webhookDeliveryAttempt.create({ data: { deliveryId, attemptedAt: at, statusCode, error, durationMs, responseBody } }),
    db.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attempts: { increment: 1 },
        status: delivered ? "SUCCEEDED" : last ? "FAILED" : "RETRYING",
        lastStatusCode: statusCode,
        lastError: error,
        lastAttemptAt: at,
        ...(delivered ? { deliveredAt: at } : {}),
      },
    }),
  ]);
  if (!delivered) throw new DeliveryFailed(`delivery ${deliveryId} to ${delivery.endpoint.url}: ${error}`);
  return "delivered";
}
