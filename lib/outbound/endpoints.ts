import "server-only";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { emitTestEvent, enqueueDelivery } from "./emit";
import { endpointSchema } from "./endpoint-schema";
import { newEndpointSecret } from "./sign";

// The merchant's webhook endpoints: a URL, the event types it wants, and the secret Encore signs
// with (shown in the console; rotate by adding a new endpoint and removing the old one).

export function listEndpoints() {
  return db.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, description: true, eventTypes: true, active: true, createdAt: true, _count: { select: { deliveries: { where: { status: { in: ["RETRYING", "FAILED"] } } } } } },
  });
}

export function getEndpoint(id: string) {
  return db.webhookEndpoint.findUnique({ where: { id } });
}

export async function createEndpoint(raw: unknown): Promise<Result<{ id: string }>> {
  const parsed = endpointSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const row = await db.webhookEndpoint.create({ data: { ...parsed.data, secret: newEndpointSecret() } });
  return ok({ id: row.id });
}

export async function updateEndpoint(id: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const parsed = endpointSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.webhookEndpoint.updateMany({ where: { id }, data: parsed.data });
  return count === 1 ? ok({ id }) : fail("not_found", t("console.integrations.endpointGone"));
}

export async function setEndpointActive(id: string, active: boolean, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const { count } = await db.webhookEndpoint.updateMany({ where: { id }, data: { active } });
  return count === 1 ? ok({ id }) : fail("not_found", t("console.integrations.endpointGone"));
}

/** Removes the endpoint with its deliveries and their log. */
export async function deleteEndpoint(id: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id } });
  return count === 1 ? ok({ id }) : fail("not_found", t("console.integrations.endpointGone"));
}

/** Queues a webhook.test event to this endpoint; its delivery shows in the log like any other. */
export async function sendTestEvent(id: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ eventId: string }>> {
  const t = translator(locale);
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: { active: true } });
  if (!endpoint) return fail("not_found", t("console.integrations.endpointGone"));
  if (!endpoint.active) return fail("disabled", t("console.integrations.enableToTest"));
  const eventId = await inTransaction((tx) => emitTestEvent(tx, id));
  return ok({ eventId });
}

/** Sends a delivery again now (same event, same webhook-id, freshly signed), whatever its status. */
export async function redeliver(deliveryId: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  return inTransaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, endpoint: { select: { active: true } } } });
    if (!delivery) return fail("not_found", t("console.integrations.deliveryGone"));
    if (!delivery.endpoint.active) return fail("disabled", t("console.integrations.enableToRedeliver"));
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "PENDING" } });
    await enqueueDelivery(tx, deliveryId);
    return ok({ id: deliveryId });
  });
}

const LOG_PAGE = 50;

/** An endpoint's newest deliveries with each try. */
export function deliveryLog(endpointId: string) {
  return db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { createdAt: "desc" },
    take: LOG_PAGE,
    include: { event: { select: { id: true, type: true, payload: true, createdAt: true } }, log: { orderBy: { attemptedAt: "desc" }, take: 12 } },
  });
}
