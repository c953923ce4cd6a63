// Moments and the offer due at one: Dodo's credit.balance_low through the real webhook handler,
// the API's idempotency, and which offer the rules let through.
import { describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { currentMomentOffer, MOMENT_LIVE_MS } from "@/lib/moments/current";
import { recordMoment } from "@/lib/moments/report";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { envelope, signed, uid } from "@/tests/support/dodo-objects";
import { seedCustomer, seedOffer, seedProductId } from "@/tests/support/seed";

const lowBalance = (dodoCustomerId: string) => ({
  payload_type: "CreditBalanceLow", customer_id: dodoCustomerId, subscription_id: uid("sub"), credit_entitlement_id: uid("cde"),
  credit_entitlement_name: "API Credits", available_balance: "15", subscription_credits_amount: "100", threshold_percent: 20, threshold_amount: "20",
});

async function targeted(name: string, conditions: Prisma.InputJsonObject = {}) {
  const offer = await seedOffer(await seedProductId(), { kind: "CROSS_SELL", triggers: [] });
  await db.offerMoment.create({ data: { offerId: offer.id, name, conditions } });
  return offer;
}

describe("credit.balance_low", () => {
  it("is recorded once as plan_limit_near for the customer, in the webhook's transaction", async () => {
    const customer = await seedCustomer();
    const req = signed(envelope("credit.balance_low", lowBalance(customer.dodoCustomerId)));
    expect((await handleDodoWebhook(req)).status).toBe(200);
    expect((await handleDodoWebhook(req)).status).toBe(200);
    const moments = await db.moment.findMany({ where: { customerId: customer.id } });
    expect(moments).toHaveLength(1);
    expect(moments[0]).toMatchObject({ name: "plan_limit_near", source: "DODO_WEBHOOK", idempotencyKey: `dodo:${req.id}`, properties: { feature: "API Credits", available: 15, limit: 100, used: 85 } });
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).outcome).toBe("PROCESSED");
  });

  it("for a customer Encore has never seen records nothing", async () => {
    const req = signed(envelope("credit.balance_low", lowBalance(uid("cus"))));
    expect((await handleDodoWebhook(req)).status).toBe(200);
    expect(await db.moment.count({ where: { idempotencyKey: `dodo:${req.id}` } })).toBe(0);
  });
});

describe("recordMoment", () => {
  it("records one moment per idempotency key", async () => {
    const customer = await seedCustomer();
    const key = uid("idem");
    const input = { customerId: customer.id, name: "onboarding_completed", properties: {}, source: "API" as const, idempotencyKey: key, occurredAt: new Date() };
    const first = await recordMoment(db, input);
    const second = await recordMoment(db, input);
    expect(second).toEqual({ moment: first.moment, repeated: true });
    expect(first.repeated).toBe(false);
  });
});

describe("currentMomentOffer", () => {
  it("is the offer targeting the newest live moment, under the offer rules", async () => {
    const customer = await seedCustomer();
    const name = `m_${uid()}`.toLowerCase();
    const offer = await targeted(name, { used: { gte: 3 } });
    const now = new Date();
    const at = (used: number, ago = 0) => recordMoment(db, { customerId: customer.id, name, properties: { used }, source: "API", idempotencyKey: null, occurredAt: new Date(now.getTime() - ago) });
    await at(2);
    expect(await currentMomentOffer(customer.id, now)).toBeNull();
    // Too old to count.
    await at(5, MOMENT_LIVE_MS + 1000);
    expect(await currentMomentOffer(customer.id, now)).toBeNull();
    const due = await at(3);
    expect(await currentMomentOffer(customer.id, now)).toMatchObject({ moment: { id: due.moment.id }, offer: { id: offer.id }, upgrade: null });
    // Paused, or declined before: not shown.
    await db.offer.update({ where: { id: offer.id }, data: { active: false } });
    expect(await currentMomentOffer(customer.id, now)).toBeNull();
    await db.offer.update({ where: { id: offer.id }, data: { active: true } });
    const imp = await db.offerImpression.create({ data: { customerId: customer.id, offerId: offer.id, placement: "IN_APP", priceAmount: 1, listPriceAmount: 1, currency: "USD", expiresAt: now } });
    await db.offerDecision.create({ data: { impressionId: imp.id, outcome: "DECLINED" } });
    expect(await currentMomentOffer(customer.id, now)).toBeNull();
  });

  it("passes over an upgrade offer the customer has no plan to upgrade from", async () => {
    const customer = await seedCustomer();
    const name = `m_${uid()}`.toLowerCase();
    const upgrade = await seedOffer(await seedProductId("SUBSCRIPTION"), { kind: "UPGRADE" });
    await db.offerMoment.create({ data: { offerId: upgrade.id, name, conditions: {} } });
    await recordMoment(db, { customerId: customer.id, name, properties: {}, source: "API", idempotencyKey: null, occurredAt: new Date() });
    expect(await currentMomentOffer(customer.id)).toBeNull();
  });
});
