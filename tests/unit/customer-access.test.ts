// Every customer action that takes an id, called by another signed-in customer with the victim's
// id, in a state where the owner's same call does change something: the intruder is refused, the
// database (and Dodo) stay exactly as they were, then the owner's call proves the input was live.
import type DodoPayments from "dodopayments";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { acceptOffer, chargeStatus } from "@/lib/checkout/one-click";
import { startOfferCheckout } from "@/lib/checkout/intents";
import { declineOffer } from "@/lib/offers/decide";
import { cardUpdateLink } from "@/lib/plans/card";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { keepCurrentPlan } from "@/lib/plans/scheduled";
import { createLadder, startPlansSandbox, subscribe, type PlansSandbox } from "@/tests/support/plans";
import { seedCustomer, seedImpression, uid } from "@/tests/support/seed";

/** A stand-in SDK for the offer actions: every call is counted, each would succeed. */
function fakeDodo() {
  const calls = {
    checkoutSessionsCreate: vi.fn(async () => ({ session_id: uid("cks"), payment_id: uid("pay"), checkout_url: "https://checkout.example/s" })),
    paymentsRetrieve: vi.fn(async () => ({ billing: { country: "US", zipcode: "94107" } })),
  };
  const client = { checkoutSessions: { create: calls.checkoutSessionsCreate }, payments: { retrieve: calls.paymentsRetrieve } } as unknown as DodoPayments;
  return { client, calls };
}

/** Everything an offer action can write about one impression, and the intents a customer owns. */
async function impressionState(impressionId: string, customerIds: string[]) {
  return {
    impression: await db.offerImpression.findUniqueOrThrow({ where: { id: impressionId }, include: { decision: true, chargeAttempt: true } }),
    intents: await db.checkoutIntent.findMany({ where: { customerId: { in: customerIds } }, orderBy: { id: "asc" } }),
  };
}

describe("offer actions with another customer's impression id", () => {
  it("accept charges nothing and writes nothing", async () => {
    const [owner, intruder] = [await seedCustomer(), await seedCustomer()];
    const { impression } = await seedImpression(owner.id);
    const { client, calls } = fakeDodo();
    const before = await impressionState(impression.id, [owner.id, intruder.id]);
    expect(await acceptOffer({ impressionId: impression.id, customerId: intruder.id }, { client, sync: async () => {} })).toMatchObject({ ok: false, code: "not_found" });
    expect(await impressionState(impression.id, [owner.id, intruder.id])).toEqual(before);
    expect(calls.checkoutSessionsCreate).not.toHaveBeenCalled();

    expect(await acceptOffer({ impressionId: impression.id, customerId: owner.id }, { client, sync: async () => {} })).toMatchObject({ ok: true });
    expect(await db.chargeAttempt.count({ where: { impressionId: impression.id } })).toBe(1);
  });

  it("decline records no decision", async () => {
    const [owner, intruder] = [await seedCustomer(), await seedCustomer()];
    const { impression } = await seedImpression(owner.id);
    const before = await impressionState(impression.id, [owner.id, intruder.id]);
    expect(await declineOffer({ impressionId: impression.id, customerId: intruder.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await impressionState(impression.id, [owner.id, intruder.id])).toEqual(before);

    expect(await declineOffer({ impressionId: impression.id, customerId: owner.id })).toEqual({ ok: true });
    expect(await db.offerDecision.findUnique({ where: { impressionId: impression.id } })).toMatchObject({ outcome: "DECLINED" });
  });

  it("the charge status shows nothing and pulls nothing from Dodo", async () => {
    const [owner, intruder] = [await seedCustomer(), await seedCustomer()];
    const { impression } = await seedImpression(owner.id);
    const { client } = fakeDodo();
    await acceptOffer({ impressionId: impression.id, customerId: owner.id }, { client, sync: async () => {} });
    const sync = vi.fn(async () => {});
    const before = await impressionState(impression.id, [owner.id, intruder.id]);
    expect(await chargeStatus({ impressionId: impression.id, customerId: intruder.id }, { client, sync })).toBeNull();
    expect(sync).not.toHaveBeenCalled();
    expect(await impressionState(impression.id, [owner.id, intruder.id])).toEqual(before);

    expect(await chargeStatus({ impressionId: impression.id, customerId: owner.id }, { client, sync })).toMatchObject({ status: "processing" });
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("hosted checkout for the offer opens no session and records no intent", async () => {
    const [owner, intruder] = [await seedCustomer(), await seedCustomer()];
    const { impression } = await seedImpression(owner.id);
    const { client, calls } = fakeDodo();
    const before = await impressionState(impression.id, [owner.id, intruder.id]);
    expect(await startOfferCheckout(impression.id, intruder, client)).toMatchObject({ ok: false, code: "not_found" });
    expect(await impressionState(impression.id, [owner.id, intruder.id])).toEqual(before);
    expect(calls.checkoutSessionsCreate).not.toHaveBeenCalled();

    expect(await startOfferCheckout(impression.id, owner, client)).toMatchObject({ ok: true });
    expect(await db.checkoutIntent.count({ where: { customerId: owner.id } })).toBe(1);
  });
});

describe("plan actions with another customer's subscription", () => {
  let t: PlansSandbox;
  beforeAll(async () => {
    t = await startPlansSandbox();
  });
  afterAll(() => t.close());
  const deps = () => ({ client: t.client });

  /** The subscription as we store it and as Dodo has it, with every plan change and payment. */
  async function subscriptionState(subscriptionId: string) {
    const dodo = await t.client.subscriptions.retrieve(subscriptionId);
    return {
      stored: await db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } }),
      changes: await db.planChange.findMany({ where: { subscriptionId }, orderBy: { createdAt: "asc" } }),
      dodo: { product: dodo.product_id, scheduled: dodo.scheduled_change ?? null, status: dodo.status },
      payments: (await t.client.payments.list({ page_number: 0, subscription_id: subscriptionId })).items.map((p) => p.payment_id),
    };
  }

  it("preview records no quote, confirm of the owner's quote changes nothing", async () => {
    const ladder = await createLadder(t);
    const owner = await subscribe(t, ladder.basic);
    const intruder = await subscribe(t, ladder.basic);
    const before = await subscriptionState(owner.subscriptionId);
    expect(await previewPlanChange({ customerId: intruder.customerId, subscriptionId: owner.subscriptionId, productId: ladder.pro }, deps())).toMatchObject({ ok: false, code: "not_found" });
    expect(await subscriptionState(owner.subscriptionId)).toEqual(before);

    const preview = await previewPlanChange({ customerId: owner.customerId, subscriptionId: owner.subscriptionId, productId: ladder.pro }, deps());
    if (!preview.ok) throw new Error(`the owner's preview was refused: ${preview.code}`);
    const quoted = await subscriptionState(owner.subscriptionId);
    expect(quoted.changes.map((c) => c.status)).toEqual(["QUOTED"]);
    expect(await confirmPlanChange({ customerId: intruder.customerId, token: preview.quote.token }, deps())).toMatchObject({ ok: false, code: "not_found" });
    expect(await subscriptionState(owner.subscriptionId)).toEqual(quoted);

    expect(await confirmPlanChange({ customerId: owner.customerId, token: preview.quote.token }, deps())).toMatchObject({ ok: true });
    expect((await subscriptionState(owner.subscriptionId)).changes.map((c) => c.status)).not.toEqual(["QUOTED"]);
  });

  it("keep my current plan leaves the scheduled downgrade scheduled, here and at Dodo", async () => {
    const ladder = await createLadder(t);
    const owner = await subscribe(t, ladder.pro);
    const intruder = await subscribe(t, ladder.pro);
    const preview = await previewPlanChange({ customerId: owner.customerId, subscriptionId: owner.subscriptionId, productId: ladder.starter }, deps());
    if (!preview.ok) throw new Error(`the owner's preview was refused: ${preview.code}`);
    expect(await confirmPlanChange({ customerId: owner.customerId, token: preview.quote.token }, deps())).toMatchObject({ ok: true, status: "SCHEDULED" });
    const scheduled = await subscriptionState(owner.subscriptionId);
    expect(scheduled.dodo.scheduled).not.toBeNull();

    expect(await keepCurrentPlan({ customerId: intruder.customerId, subscriptionId: owner.subscriptionId }, deps())).toMatchObject({ ok: false, code: "not_found" });
    expect(await subscriptionState(owner.subscriptionId)).toEqual(scheduled);

    expect(await keepCurrentPlan({ customerId: owner.customerId, subscriptionId: owner.subscriptionId }, deps())).toMatchObject({ ok: true });
    expect((await subscriptionState(owner.subscriptionId)).dodo.scheduled).toBeNull();
  });

  it("update your card opens no card page at Dodo", async () => {
    const ladder = await createLadder(t);
    const owner = await subscribe(t, ladder.basic);
    const intruder = await subscribe(t, ladder.basic);
    const updatePaymentMethod = vi.spyOn(t.client.subscriptions, "updatePaymentMethod");
    const before = await subscriptionState(owner.subscriptionId);
    const input = { subscriptionId: owner.subscriptionId, returnUrl: "http://127.0.0.1:3000/account/plan" };
    expect(await cardUpdateLink({ ...input, customerId: intruder.customerId }, deps())).toMatchObject({ ok: false, code: "not_found" });
    expect(updatePaymentMethod).not.toHaveBeenCalled();
    expect(await subscriptionState(owner.subscriptionId)).toEqual(before);

    expect(await cardUpdateLink({ ...input, customerId: owner.customerId }, deps())).toMatchObject({ ok: true, url: expect.any(String) });
    expect(updatePaymentMethod).toHaveBeenCalledTimes(1);
  });
});
