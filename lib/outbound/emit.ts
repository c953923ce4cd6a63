import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/db/tx";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { TEST_EVENT_TYPE, type EventType } from "./event-types";

// Emitting an event writes it, one delivery per endpoint that wants it, and each delivery's job,
// all inside the caller's transaction: the event exists exactly when the state change it reports
// commits (a rolled-back change sends nothing, a crash after commit loses nothing). The worker
// delivers (lib/outbound/deliver.ts).

/** graphile-worker retries a failed delivery with exponential backoff (e^n s): 12 tries span ≈16 h. */
export const DELIVERY_MAX_ATTEMPTS = 12;

export const deliveryJobKey = (deliveryId: string) => `webhook-delivery:${deliveryId}`;

/** Standard Webhooks message ids: the same for every endpoint and every retry of one event. */
const newMessageId = () => `msg_${crypto.randomBytes(18).toString("base64url")}`;

export type Envelope = { type: string; timestamp: string; data: Record<string, unknown> };

export async function enqueueDelivery(tx: Tx, deliveryId: string): Promise<void> {
  await enqueue(tx, "outbound.deliver", { deliveryId }, { jobKey: deliveryJobKey(deliveryId), maxAttempts: DELIVERY_MAX_ATTEMPTS });
}

async function writeEvent(tx: Tx, type: string, data: Record<string, unknown>, endpointIds: string[], now: Date): Promise<string> {
  const id = newMessageId();
  const envelope: Envelope = { type, timestamp: now.toISOString(), data };
  await tx.outboundEvent.create({ data: { id, type, payload: envelope as unknown as Prisma.InputJsonValue, createdAt: now } });
  for (const endpointId of endpointIds) {
    const delivery = await tx.webhookDelivery.create({ data: { eventId: id, endpointId }, select: { id: true } });
    await enqueueDelivery(tx, delivery.id);
  }
  return id;
}

/** Emits `type` to every active endpoint subscribed to it; nothing is stored when none is. */
export async function emitEvent(tx: Tx, type: EventType, data: Record<string, unknown>, now = new Date()): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true, eventTypes: { has: type } }, select: { id: true } });
  if (endpoints.length === 0) return;
  await writeEvent(tx, type, data, endpoints.map((e) => e.id), now);
}

/** The console's test event, to one endpoint only. */
export function emitTestEvent(tx: Tx, endpointId: string, now = new Date()): Promise<string> {
  return writeEvent(tx, TEST_EVENT_TYPE, { message: "A test event from Encore's console. Verify its signature and answer 2xx." }, [endpointId], now);
}
