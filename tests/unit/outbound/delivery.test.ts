// Outgoing webhooks end to end inside the unit run: events written in the transaction of the
// change they report, delivered by a real graphile-worker to a local receiver that verifies the
// Standard Webhooks signature, retried with backoff, filtered per endpoint, redelivered on demand.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Runner } from "graphile-worker";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { startWorker } from "@/lib/jobs/worker";
import { emitEvent } from "@/lib/outbound/emit";
import { createEndpoint, deleteEndpoint, getEndpoint, redeliver, sendTestEvent } from "@/lib/outbound/endpoints";
import { deliverWebhookJob } from "@/lib/outbound/jobs";
import { startReceiver, waitUntil, type Receiver } from "../../support/sandbox";

let worker: Runner;
let receiver: Receiver;
const endpoints: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  worker = await startWorker({ jobs: { [deliverWebhookJob.name]: deliverWebhookJob }, schedule: [], pollIntervalMs: 100, concurrency: 2, log: () => {} });
});
afterEach(async () => {
  for (const id of endpoints.splice(0)) await deleteEndpoint(id);
  receiver.answers.length = 0;
});
afterAll(async () => {
  await worker.stop();
  await receiver.close();
});

async function endpoint(eventTypes: string[], path = "") {
  const made = await createEndpoint({ url: `${receiver.url}${path}`, eventTypes });
  if (!made.ok) throw new Error(made.message);
  endpoints.push(made.id);
  return (await getEndpoint(made.id))!;
}

const forEvent = (id: string) => receiver.received.filter((r) => r.headers["webhook-id"] === id);

describe("outgoing webhooks", () => {
  it("are signed with Standard Webhooks, and a receiver failing twice gets the event on the third try", async () => {
    const ep = await endpoint(["offer.accepted"]);
    receiver.answers.push(500, 503);
    await inTransaction((tx) => emitEvent(tx, "offer.accepted", { impression_id: "imp_test" }));
    const event = await db.outboundEvent.findFirstOrThrow({ where: { deliveries: { some: { endpointId: ep.id } } } });

    // graphile-worker's backoff: ≈2.7 s, then ≈7.4 s.
    await waitUntil(() => forEvent(event.id).length === 3, 30_000);
    const tries = forEvent(event.id);
    for (const request of tries) {
      const verified = new Webhook(ep.secret).verify(request.body, request.headers) as { type: string; data: { impression_id: string } };
      expect(verified).toMatchObject({ type: "offer.accepted", data: { impression_id: "imp_test" } });
    }
    // Each try is signed afresh (its own timestamp), under the same webhook-id.
    expect(new Set(tries.map((t) => t.headers["webhook-id"]))).toEqual(new Set([event.id]));
    expect(() => new Webhook(`whsec_${Buffer.from("another secret, 32 bytes long!!!").toString("base64")}`).verify(tries[2]!.body, tries[2]!.headers)).toThrow();

    await waitUntil(async () => (await db.webhookDelivery.findFirstOrThrow({ where: { eventId: event.id } })).status === "SUCCEEDED", 5_000);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: event.id }, include: { log: { orderBy: { attemptedAt: "asc" } } } });
    expect(delivery.attempts).toBe(3);
    expect(delivery.log.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(delivery.deliveredAt).not.toBeNull();
  }, 45_000);

  it("go to each endpoint only for the event types it chose, never when it is disabled or nobody listens", async () => {
    const offers = await endpoint(["offer.accepted", "offer.declined"], "?who=offers");
    const plans = await endpoint(["plan_change.applied"], "?who=plans");
    await inTransaction((tx) => emitEvent(tx, "offer.declined", { n: 1 }));
    await inTransaction((tx) => emitEvent(tx, "plan_change.applied", { n: 2 }));
    await inTransaction((tx) => emitEvent(tx, "entitlement.granted", { n: 3 }));
    const byEndpoint = async (id: string) => (await db.webhookDelivery.findMany({ where: { endpointId: id }, include: { event: true } })).map((d) => d.event.type);
    expect(await byEndpoint(offers.id)).toEqual(["offer.declined"]);
    expect(await byEndpoint(plans.id)).toEqual(["plan_change.applied"]);
    expect(await db.outboundEvent.count({ where: { type: "entitlement.granted", payload: { path: ["data", "n"], equals: 3 } } })).toBe(0);
  });

  it("roll back with the change that emitted them", async () => {
    const ep = await endpoint(["offer.accepted"]);
    await expect(inTransaction(async (tx) => {
      await emitEvent(tx, "offer.accepted", { rolled: true });
      throw new Error("roll back");
    })).rejects.toThrow("roll back");
    expect(await db.webhookDelivery.count({ where: { endpointId: ep.id } })).toBe(0);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key LIKE 'webhook-delivery:%' AND payload::text LIKE '%rolled%'`).toEqual([{ n: 0 }]);
  });

  it("redeliver sends a delivered event again under the same webhook-id; test events reach one endpoint", async () => {
    const ep = await endpoint(["plan_change.scheduled"]);
    const sent = await sendTestEvent(ep.id);
    if (!sent.ok) throw new Error(sent.message);
    await waitUntil(() => forEvent(sent.eventId).length === 1, 10_000);
    expect(JSON.parse(forEvent(sent.eventId)[0]!.body)).toMatchObject({ type: "webhook.test" });

    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: sent.eventId } });
    await waitUntil(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "SUCCEEDED", 5_000);
    expect((await redeliver(delivery.id)).ok).toBe(true);
    await waitUntil(() => forEvent(sent.eventId).length === 2, 10_000);
    await waitUntil(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).attempts === 2, 5_000);
  });

  it("records an unreachable endpoint's error and keeps retrying", async () => {
    const made = await createEndpoint({ url: "http://127.0.0.1:9/nothing-listens", eventTypes: ["offer.accepted"] });
    if (!made.ok) throw new Error(made.message);
    endpoints.push(made.id);
    await inTransaction((tx) => emitEvent(tx, "offer.accepted", { unreachable: true }));
    await waitUntil(async () => (await db.webhookDelivery.findFirst({ where: { endpointId: made.id, attempts: { gte: 1 } } })) !== null, 10_000);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: made.id } });
    expect(delivery.status).toBe("RETRYING");
    expect(delivery.lastError).toMatch(/Could not connect/);
  });

  it("refuse endpoint input that is not a usable URL or picks no event", async () => {
    const bad = await createEndpoint({ url: "ftp://x", eventTypes: [] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["url", "eventTypes"]));
    const unknown = await createEndpoint({ url: "https://ok.example", eventTypes: ["payment.succeeded"] });
    expect(unknown.ok).toBe(false);
  });
});
