// subscription.* effects: the mirrored row, entitlements following plan and status (grace on hold,
// access to period end after cancellation), plan changes in both directions, and event ordering.
import { describe, expect, it } from "vitest";
import type { Subscription } from "dodopayments/resources/subscriptions";
import { db } from "@/lib/db/client";
import { canUse } from "@/lib/entitlements/service";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { customer, envelope, signed, subscription } from "@/tests/support/dodo-objects";
import { seedProductId } from "@/tests/support/seed";

const HOUR = 3_600_000;

async function send(type: string, data: Subscription, at: Date, options: { now?: () => Date; graceHours?: number } = {}) {
  const res = await handleDodoWebhook(signed(envelope(type, data, at)), options);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const entitlementsOf = (subscriptionId: string) =>
  db.entitlement.findMany({ where: { sourceId: subscriptionId }, orderBy: { grantedAt: "asc" }, select: { productId: true, status: true, endsAt: true } });

describe("subscription events", () => {
  it("subscription.active mirrors the subscription and grants its product", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const cus = customer();
    const s = subscription({ customer: cus, product_id: plan, quantity: 2, recurring_pre_tax_amount: 5800 });
    await send("subscription.active", s, new Date());
    expect(await db.subscription.findUniqueOrThrow({ where: { id: s.subscription_id } })).toMatchObject({
      productId: plan, quantity: 2, status: "ACTIVE", recurringAmount: 5800, nextBillingDate: new Date(s.next_billing_date), scheduledChange: null,
    });
    expect(await entitlementsOf(s.subscription_id)).toEqual([{ productId: plan, status: "ACTIVE", endsAt: null }]);
    expect(await canUse({ dodoCustomerId: cus.customer_id }, plan)).toBe(true);
  });

  it("plan_changed moves the entitlement up and back down, comparing with our stored copy", async () => {
    const ladder = await db.planLadder.create({ data: { name: `ladder-${Math.random()}` } });
    const basic = await seedProductId("SUBSCRIPTION", { ladderId: ladder.id, planRank: 1, price: 2900 });
    const pro = await seedProductId("SUBSCRIPTION", { ladderId: ladder.id, planRank: 2, price: 7900 });
    const cus = customer();
    const s = subscription({ customer: cus, product_id: basic });
    const t0 = Date.now() - 10_000;
    await send("subscription.active", s, new Date(t0));
    await send("subscription.plan_changed", { ...s, product_id: pro, recurring_pre_tax_amount: 7900 }, new Date(t0 + 1000));
    expect(await canUse({ dodoCustomerId: cus.customer_id }, pro)).toBe(true);
    expect(await canUse({ dodoCustomerId: cus.customer_id }, basic)).toBe(false);

    // A downgrade is a plan_changed too: the pricier entitlement ends.
    await send("subscription.plan_changed", { ...s, product_id: basic }, new Date(t0 + 2000));
    expect(await canUse({ dodoCustomerId: cus.customer_id }, pro)).toBe(false);
    expect(await canUse({ dodoCustomerId: cus.customer_id }, basic)).toBe(true);
    const rows = await entitlementsOf(s.subscription_id);
    expect(rows.map((r) => [r.productId, r.status])).toEqual([[basic, "ACTIVE"], [pro, "ENDED"]]);
  });

  it("stores a scheduled downgrade without changing access until Dodo applies it", async () => {
    const [pro, basic] = [await seedProductId("SUBSCRIPTION"), await seedProductId("SUBSCRIPTION")];
    const cus = customer();
    const s = subscription({ customer: cus, product_id: pro });
    await send("subscription.active", s, new Date(Date.now() - 5000));
    const change = await db.planChange.create({
      data: {
        subscriptionId: s.subscription_id, fromProductId: pro, toProductId: basic, prorationMode: "DO_NOT_BILL", effectiveAt: "NEXT_BILLING_DATE",
        onPaymentFailure: "APPLY_CHANGE", quotedAmount: 0, quotedCredits: 0, currency: "USD", status: "SUBMITTED",
      },
    });
    const scheduled = { id: "spc_1", product_id: basic, quantity: 1, effective_at: s.next_billing_date, created_at: new Date().toISOString(), addons: [] };
    await send("subscription.updated", { ...s, scheduled_change: scheduled }, new Date(Date.now() - 4000));
    expect((await db.subscription.findUniqueOrThrow({ where: { id: s.subscription_id } })).scheduledChange).toMatchObject({ productId: basic });
    expect(await db.planChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "SCHEDULED" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, pro)).toBe(true);

    await send("subscription.plan_changed", { ...s, product_id: basic, scheduled_change: null }, new Date(Date.now() - 3000));
    expect(await db.planChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "APPLIED" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, basic)).toBe(true);
    expect(await canUse({ dodoCustomerId: cus.customer_id }, pro)).toBe(false);
  });

  it("on_hold keeps access for the grace period from when the hold began, then suspends", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const cus = customer();
    const s = subscription({ customer: cus, product_id: plan });
    const heldAt = new Date(Date.now() - 2 * HOUR);
    await send("subscription.active", s, new Date(heldAt.getTime() - HOUR));
    await send("subscription.on_hold", { ...s, status: "on_hold" }, heldAt, { graceHours: 24 });
    // A later hold event (e.g. a failed retry) must not restart the clock.
    await send("subscription.updated", { ...s, status: "on_hold" }, new Date(heldAt.getTime() + HOUR), { graceHours: 24 });
    const row = await db.subscription.findUniqueOrThrow({ where: { id: s.subscription_id } });
    expect(row.onHoldSince).toEqual(heldAt);
    const ref = { dodoCustomerId: cus.customer_id };
    expect(await db.entitlement.findFirstOrThrow({ where: { sourceId: s.subscription_id } })).toMatchObject({
      status: "GRACE", endsAt: new Date(heldAt.getTime() + 24 * HOUR),
    });
    expect(await canUse(ref, plan, new Date(heldAt.getTime() + 23 * HOUR))).toBe(true);
    expect(await canUse(ref, plan, new Date(heldAt.getTime() + 25 * HOUR))).toBe(false);

    // Recovery restores access and clears the hold.
    await send("subscription.active", s, new Date(heldAt.getTime() + 90 * 60_000));
    expect((await db.subscription.findUniqueOrThrow({ where: { id: s.subscription_id } })).onHoldSince).toBeNull();
    expect(await canUse(ref, plan, new Date(heldAt.getTime() + 48 * HOUR))).toBe(true);
  });

  it("an on_hold delivered after the grace period already ran out suspends at once", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const cus = customer();
    const s = subscription({ customer: cus, product_id: plan });
    await send("subscription.on_hold", { ...s, status: "on_hold" }, new Date(), { graceHours: 1, now: () => new Date(Date.now() + 2 * HOUR) });
    expect(await db.entitlement.findFirstOrThrow({ where: { sourceId: s.subscription_id } })).toMatchObject({ status: "SUSPENDED" });
  });

  it("cancelled keeps access until the end of the paid period; paused suspends", async () => {
    const [a, b] = [await seedProductId("SUBSCRIPTION"), await seedProductId("SUBSCRIPTION")];
    const cus = customer();
    const periodEnd = new Date(Date.now() + 10 * 86_400_000);
    const s = subscription({ customer: cus, product_id: a, next_billing_date: periodEnd.toISOString() });
    await send("subscription.active", s, new Date(Date.now() - 2000));
    await send("subscription.cancelled", { ...s, status: "cancelled", cancelled_at: new Date().toISOString() }, new Date(Date.now() - 1000));
    const ref = { dodoCustomerId: cus.customer_id };
    expect(await canUse(ref, a)).toBe(true);
    expect(await canUse(ref, a, new Date(periodEnd.getTime() + 1000))).toBe(false);

    const p = subscription({ customer: cus, product_id: b });
    await send("subscription.active", p, new Date(Date.now() - 2000));
    await send("subscription.paused", { ...p, status: "paused" }, new Date(Date.now() - 1000));
    expect(await canUse(ref, b)).toBe(false);
  });

  it("an older event never overwrites a newer state", async () => {
    const [a, b] = [await seedProductId("SUBSCRIPTION"), await seedProductId("SUBSCRIPTION")];
    const cus = customer();
    const s = subscription({ customer: cus, product_id: a });
    const t = Date.now() - 10_000;
    await send("subscription.plan_changed", { ...s, product_id: b }, new Date(t + 2000));
    await send("subscription.active", s, new Date(t));
    await send("subscription.expired", { ...s, product_id: b, status: "expired", next_billing_date: new Date(t).toISOString() }, new Date(t + 3000));
    await send("subscription.renewed", { ...s, product_id: b }, new Date(t + 2500));
    expect(await db.subscription.findUniqueOrThrow({ where: { id: s.subscription_id } })).toMatchObject({
      productId: b, status: "EXPIRED", sourceUpdatedAt: new Date(t + 3000),
    });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, b)).toBe(false);
    expect(await canUse({ dodoCustomerId: cus.customer_id }, a)).toBe(false);
  });

  it("pending grants nothing; failed ends", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const cus = customer();
    const s = subscription({ customer: cus, product_id: plan, status: "pending" });
    await send("subscription.updated", s, new Date(Date.now() - 1000));
    expect(await db.entitlement.count({ where: { sourceId: s.subscription_id } })).toBe(0);
    await send("subscription.failed", { ...s, status: "failed" }, new Date());
    expect(await canUse({ dodoCustomerId: cus.customer_id }, plan)).toBe(false);
  });
});
