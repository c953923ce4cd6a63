// Each state machine emits its outgoing event once, from the transition itself, inside its
// transaction: plan changes (applied, scheduled), entitlements (granted, revoked — also when an
// access lapses on its own), offer decisions (accepted, declined).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { lock } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";
import { notifyAccessChanges } from "@/lib/entitlements/grant";
import { declineOffer, recordDecision } from "@/lib/offers/decide";
import { createEndpoint, deleteEndpoint } from "@/lib/outbound/endpoints";
import { EVENT_TYPES } from "@/lib/outbound/event-types";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { syncSubscription } from "@/lib/sync/sync";
import { createLadder, settleAndSync, startPlansSandbox, subscribe, type PlansSandbox } from "../../support/plans";
import { seedCustomer, seedImpression } from "../../support/seed";

let t: PlansSandbox;
let endpointId: string;
beforeAll(async () => {
  t = await startPlansSandbox();
  // Nothing listens there and no worker runs: the test reads the events as they are stored.
  const made = await createEndpoint({ url: "http://127.0.0.1:9/encore-events", eventTypes: [...EVENT_TYPES] });
  if (!made.ok) throw new Error(made.message);
  endpointId = made.id;
});
afterAll(async () => {
  await deleteEndpoint(endpointId);
  await t.close();
});

type Stored = { type: string; data: Record<string, unknown> };
async function eventsWhere(field: string, value: string): Promise<Stored[]> {
  const rows = await db.outboundEvent.findMany({ where: { payload: { path: ["data", field], equals: value } }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.payload as unknown as Stored);
}
const typesWhere = async (field: string, value: string) => (await eventsWhere(field, value)).map((e) => e.type);

async function jobFor(key: string) {
  const rows = await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker._private_jobs WHERE key = ${key}`;
  return rows[0] ?? null;
}

describe("plan changes", () => {
  it("an upgrade sends plan_change.applied once, and the entitlements move (granted Pro, revoked Basic)", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    expect(await typesWhere("source_id", s.subscriptionId)).toEqual(["entitlement.granted"]);

    const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.pro }, { client: t.client });
    if (!preview.ok) throw new Error(preview.message);
    expect(await confirmPlanChange({ customerId: s.customerId, token: preview.quote.token }, { client: t.client })).toMatchObject({ ok: true });
    await settleAndSync(t, s.subscriptionId);
    await settleAndSync(t, s.subscriptionId);

    const changes = await eventsWhere("subscription_id", s.subscriptionId);
    expect(changes.map((e) => e.type)).toEqual(["plan_change.applied"]);
    expect(changes[0]!.data).toMatchObject({ from_product_id: ladder.basic, to_product_id: ladder.pro, customer: { customer_id: s.dodoCustomerId } });
    const access = await eventsWhere("source_id", s.subscriptionId);
    expect(access.map((e) => `${e.type} ${String(e.data.product_id)}`).sort()).toEqual([
      `entitlement.granted ${ladder.basic}`,
      `entitlement.granted ${ladder.pro}`,
      `entitlement.revoked ${ladder.basic}`,
    ].sort());
  });

  it("a downgrade for the next billing date sends plan_change.scheduled", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.pro);
    const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.starter }, { client: t.client });
    if (!preview.ok) throw new Error(preview.message);
    expect(await confirmPlanChange({ customerId: s.customerId, token: preview.quote.token }, { client: t.client })).toMatchObject({ ok: true, status: "SCHEDULED" });
    await syncSubscription(s.subscriptionId, { dodo: t.client });
    expect(await typesWhere("subscription_id", s.subscriptionId)).toEqual(["plan_change.scheduled"]);
  });
});

describe("entitlements", () => {
  it("a cancelled period's end revokes access by itself: the lapse job is queued for that moment and tells once", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    await t.client.subscriptions.update(s.subscriptionId, { cancel_at_next_billing_date: true });
    const sub = await syncSubscription(s.subscriptionId, { dodo: t.client });
    const job = await jobFor(`entitlement-lapse:${s.subscriptionId}`);
    expect(job?.run_at.getTime()).toBeGreaterThanOrEqual(sub.nextBillingDate.getTime());

    // The job at its time (what notifyLapseJob runs), then again: one revoked event.
    const after = new Date(sub.nextBillingDate.getTime() + 2_000);
    for (let i = 0; i < 2; i++) {
      await inTransaction(async (tx) => {
        await lock(tx, "dodo-object", s.subscriptionId);
        await notifyAccessChanges(tx, s.subscriptionId, after);
      });
    }
    expect(await typesWhere("source_id", s.subscriptionId)).toEqual(["entitlement.granted", "entitlement.revoked"]);
  });
});

describe("offer decisions", () => {
  it("a decline sends offer.declined once; an accepted decision offer.accepted; failures and expiries nothing", async () => {
    const customer = await seedCustomer();
    const declined = await seedImpression(customer.id);
    expect(await declineOffer({ impressionId: declined.impression.id, customerId: customer.id })).toEqual({ ok: true });
    expect(await declineOffer({ impressionId: declined.impression.id, customerId: customer.id })).toEqual({ ok: true });
    const events = await eventsWhere("impression_id", declined.impression.id);
    expect(events.map((e) => e.type)).toEqual(["offer.declined"]);
    expect(events[0]!.data).toMatchObject({ offer_id: declined.offer.id, customer: { customer_id: customer.dodoCustomerId }, price: { amount: 1900, currency: "USD" } });

    const accepted = await seedImpression(customer.id);
    await inTransaction((tx) => recordDecision(tx, accepted.impression.id, "ACCEPTED", "hosted_checkout"));
    await inTransaction((tx) => recordDecision(tx, accepted.impression.id, "ACCEPTED", "hosted_checkout"));
    expect(await typesWhere("impression_id", accepted.impression.id)).toEqual(["offer.accepted"]);

    const failed = await seedImpression(customer.id);
    await inTransaction((tx) => recordDecision(tx, failed.impression.id, "FAILED", "card_declined"));
    expect(await typesWhere("impression_id", failed.impression.id)).toEqual([]);
  });
});
