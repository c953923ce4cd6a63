import DodoPayments from "dodopayments";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { resolveChargeJobKey } from "@/lib/checkout/charge-attempt";
import { startOfferCheckout } from "@/lib/checkout/intents";
import { acceptOffer, confirmAddress } from "@/lib/checkout/one-click";
import { declineOffer } from "@/lib/offers/decide";
import { holdInTransaction, track, waitingBehind } from "@/tests/support/interleave";
import { waitUntil } from "@/tests/support/sandbox";
import { queuedJobs } from "@/tests/support/jobs";
import { seedCustomer, seedImpression, uid } from "@/tests/support/seed";

/** A stand-in for the SDK: counts charges; `charge` decides what Dodo answers. */
function fakeDodo(charge: () => Promise<unknown> = async () => ({ session_id: uid("cks"), payment_id: uid("pay"), checkout_url: null })) {
  const create = vi.fn(async () => {
    await new Promise((r) => setTimeout(r, 20));
    return charge();
  });
  const client = {
    checkoutSessions: { create },
    payments: { retrieve: vi.fn(async () => ({ billing: { country: "US", zipcode: "94107" } })) },
  } as unknown as DodoPayments;
  return { client, create };
}

const noSync = async () => {};

describe("confirmAddress", () => {
  it("sends a complete address as it is, country + zip as minimal, and nothing without a zip", () => {
    const full = { country: "US" as const, state: "CA", city: "San Francisco", street: "1 Market St", zipcode: "94107" };
    expect(confirmAddress(full)).toEqual({ billing_address: full });
    expect(confirmAddress({ ...full, street: null, city: " " })).toEqual({ billing_address: { country: "US", zipcode: "94107" }, minimal_address: true });
    expect(confirmAddress({ country: "US", zipcode: null })).toBeNull();
  });
});

describe("acceptOffer", () => {
  it("charges once for ten concurrent accepts and gives every caller the same outcome", async () => {
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const { client, create } = fakeDodo();
    const results = await Promise.all(Array.from({ length: 10 }, () => acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync })));
    expect(create).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.ok && r.charge.status === "processing")).toBe(true);
    expect(await db.chargeAttempt.count({ where: { impressionId: impression.id } })).toBe(1);
    const attempt = await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: impression.id } });
    expect(attempt).toMatchObject({ status: "SUBMITTED", amount: 1900, currency: "USD" });
    // What Dodo was asked: the frozen card, the metadata the webhook resolves the attempt by, no retries.
    const [body, options] = create.mock.calls[0] as unknown as [Record<string, unknown>, Record<string, unknown>];
    expect(body).toMatchObject({
      confirm: true,
      payment_method_id: impression.paymentMethodId,
      customer: { customer_id: customer.dodoCustomerId },
      // Only country and zip are known from the original payment: minimal_address says so (a partial address alone is refused).
      billing_address: { country: "US", zipcode: "94107" },
      minimal_address: true,
      metadata: { encore_impression_id: impression.id, encore_charge_attempt_id: attempt.id },
    });
    expect(options).toMatchObject({ maxRetries: 0 });
  });

  it("charges the units chosen (up to the offer's maximum) at the frozen unit price, and refuses more", async () => {
    const customer = await seedCustomer();
    const { impression, offer } = await seedImpression(customer.id);
    await db.offer.update({ where: { id: offer.id }, data: { maxQuantity: 3 } });
    const { client, create } = fakeDodo();
    for (const quantity of [0, 4, 2.5]) {
      expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id, quantity }, { client, sync: noSync })).toMatchObject({ ok: false, code: "invalid_quantity" });
    }
    expect(create).not.toHaveBeenCalled();
    expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id, quantity: 3 }, { client, sync: noSync })).toMatchObject({ ok: true });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: impression.id } })).toMatchObject({ amount: 5700, quantity: 3, currency: "USD" });
    const [body] = create.mock.calls[0] as unknown as [{ product_cart: unknown }];
    expect(body.product_cart).toEqual([{ product_id: offer.offeredProductId, quantity: 3 }]);
  });

  it("takes one unit when the offer has no quantity selector", async () => {
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const { client } = fakeDodo();
    expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id, quantity: 2 }, { client, sync: noSync })).toMatchObject({ ok: false, code: "invalid_quantity" });
    expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync })).toMatchObject({ ok: true });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: impression.id } })).toMatchObject({ amount: 1900, quantity: 1 });
  });

  it("refuses a moment's upgrade offer (confirmed through its plan-change preview) without charging; a funnel's is charged", async () => {
    const customer = await seedCustomer();
    const { impression, offer } = await seedImpression(customer.id);
    await db.offer.update({ where: { id: offer.id }, data: { kind: "UPGRADE" } });
    const moment = await db.moment.create({ data: { customerId: customer.id, name: "plan_limit_near", source: "API" } });
    await db.offerImpression.update({ where: { id: impression.id }, data: { momentId: moment.id } });
    const { client, create } = fakeDodo();
    expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync })).toEqual({ ok: false, code: "needs_preview", message: "Please review the new price first." });
    expect(create).not.toHaveBeenCalled();
    expect(await db.chargeAttempt.count({ where: { impressionId: impression.id } })).toBe(0);

    await db.offerImpression.update({ where: { id: impression.id }, data: { momentId: null } });
    expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync })).toMatchObject({ ok: true });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("refuses another customer's impression without charging", async () => {
    const owner = await seedCustomer();
    const intruder = await seedCustomer();
    const { impression } = await seedImpression(owner.id);
    const { client, create } = fakeDodo();
    expect(await acceptOffer({ impressionId: impression.id, customerId: intruder.id }, { client, sync: noSync })).toMatchObject({ ok: false, code: "not_found" });
    expect(await acceptOffer({ impressionId: "tampered", customerId: owner.id }, { client, sync: noSync })).toMatchObject({ ok: false, code: "not_found" });
    expect(create).not.toHaveBeenCalled();
  });

  it("records a refused charge as failed with a soft message, and never retries it", async () => {
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const refusal = new DodoPayments.UnprocessableEntityError(422, { code: "NO_ELIGIBLE_PAYMENT_METHODS", message: "no" }, undefined, new Headers());
    const { client, create } = fakeDodo(async () => { throw refusal; });
    const first = await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync });
    expect(first).toMatchObject({ ok: true, charge: { status: "failed", kind: "card_not_eligible" } });
    const again = await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync });
    expect(again).toEqual(first);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await db.offerDecision.findUnique({ where: { impressionId: impression.id } })).toMatchObject({ outcome: "FAILED", reason: "no_eligible_payment_methods" });
  });

  it.each([
    ["a 5xx", () => new DodoPayments.InternalServerError(503, { code: "INTERNAL_SERVER_ERROR" }, undefined, new Headers())],
    ["our timeout", () => new DodoPayments.APIConnectionTimeoutError()],
  ])("leaves %s as UNKNOWN: confirming, no decision (the funnel waits), its resolver queued, never retried", async (_what, error) => {
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const { client, create } = fakeDodo(async () => { throw error(); });
    const result = await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync });
    expect(result).toEqual({ ok: true, charge: { status: "confirming" } });
    expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync })).toEqual(result);
    expect(create).toHaveBeenCalledTimes(1);
    const attempt = await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: impression.id } });
    expect(attempt).toMatchObject({ status: "UNKNOWN", errorCode: "PROVIDER_UNAVAILABLE" });
    // Never "failed": no decision, so no downsell, and declining or hosted checkout can't charge it twice.
    expect(await db.offerDecision.findUnique({ where: { impressionId: impression.id } })).toBeNull();
    expect(await declineOffer({ impressionId: impression.id, customerId: customer.id })).toMatchObject({ ok: false, code: "charge_started" });
    expect(await startOfferCheckout(impression.id, customer, client)).toMatchObject({ ok: false, code: "in_progress" });
    // The resolver was queued with the UNKNOWN, keyed to the attempt.
    expect(await queuedJobs(resolveChargeJobKey(attempt.id))).toMatchObject([{ task: "checkout.resolve-charge", payload: { chargeAttemptId: attempt.id }, attempts: 0 }]);
  });

  it("won't charge an expired, declined or card-less offer", async () => {
    const customer = await seedCustomer();
    const { client, create } = fakeDodo();
    const expired = (await seedImpression(customer.id, { expiresInMs: -1000 })).impression;
    expect(await acceptOffer({ impressionId: expired.id, customerId: customer.id }, { client, sync: noSync })).toMatchObject({ ok: false, code: "expired" });
    const declined = (await seedImpression(customer.id)).impression;
    expect(await declineOffer({ impressionId: declined.id, customerId: customer.id })).toEqual({ ok: true });
    expect(await acceptOffer({ impressionId: declined.id, customerId: customer.id }, { client, sync: noSync })).toMatchObject({ ok: false, code: "already_decided" });
    const noCard = (await seedImpression(customer.id, { paymentMethodId: null })).impression;
    expect(await acceptOffer({ impressionId: noCard.id, customerId: customer.id }, { client, sync: noSync })).toMatchObject({ ok: false, code: "needs_checkout" });
    expect(create).not.toHaveBeenCalled();
  });

  it("charges a discount through the impression's code, and never a discounted price without one", async () => {
    const customer = await seedCustomer();
    const { client, create } = fakeDodo();
    const discounted = (await seedImpression(customer.id)).impression;
    await db.offerImpression.update({ where: { id: discounted.id }, data: { priceAmount: 1520, discountCode: "ENCORE20" } });
    expect(await acceptOffer({ impressionId: discounted.id, customerId: customer.id }, { client, sync: noSync })).toMatchObject({ ok: true });
    const [body] = create.mock.calls[0] as unknown as [Record<string, unknown>];
    // No `amount`: Dodo honours it only on pay-what-you-want products.
    expect(body).toMatchObject({ product_cart: [{ product_id: expect.any(String), quantity: 1 }], discount_codes: ["ENCORE20"] });
    expect((body.product_cart as object[])[0]).not.toHaveProperty("amount");

    const codeless = (await seedImpression(customer.id)).impression;
    await db.offerImpression.update({ where: { id: codeless.id }, data: { priceAmount: 1520 } });
    expect(await acceptOffer({ impressionId: codeless.id, customerId: customer.id }, { client, sync: noSync })).toMatchObject({ ok: false, code: "unavailable" });
    expect(create).toHaveBeenCalledTimes(1);
  });

  // The impression lock makes accept-versus-decline all-or-nothing. Each test parks one side
  // mid-transaction (after it read the impression, before its write commits) and runs the other
  // then: without the lock on either side, the customer ends up charged *and* DECLINED.
  it("a decline that has read the impression keeps an accept out until it commits: the decline wins, nothing is charged", async () => {
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const { client, create } = fakeDodo();
    // An uncommitted decision row makes decline's own insert wait, just after its checks.
    const blocker = await holdInTransaction(`INSERT INTO "OfferDecision" (id, "impressionId", outcome) VALUES ($1, $2, 'DECLINED')`, [uid("dec"), impression.id]);
    const decline = track(declineOffer({ impressionId: impression.id, customerId: customer.id }));
    await waitUntil(async () => (await waitingBehind(blocker.pid)) === 1); // the decline waits on the uncommitted decision
    const accept = track(acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync }));
    await waitUntil(async () => accept.settled() || (await waitingBehind(blocker.pid)) === 2); // the accept is done or waits behind the decline
    await blocker.release();

    expect(await decline.promise).toEqual({ ok: true });
    expect(await accept.promise).toMatchObject({ ok: false, code: "already_decided" });
    expect(create).not.toHaveBeenCalled();
    expect(await db.chargeAttempt.count({ where: { impressionId: impression.id } })).toBe(0);
    expect(await db.offerDecision.findUnique({ where: { impressionId: impression.id } })).toMatchObject({ outcome: "DECLINED" });
  });

  it("an accept that has claimed the charge keeps a decline out until it commits: the charge goes through, the decline is refused", async () => {
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const { client, create } = fakeDodo();
    // An uncommitted charge attempt makes the accept's claim wait on its insert, just after its checks.
    const blocker = await holdInTransaction(
      `INSERT INTO "ChargeAttempt" (id, "impressionId", "customerId", amount, currency, "updatedAt") VALUES ($1, $2, $3, 1900, 'USD', now())`,
      [uid("att"), impression.id, customer.id],
    );
    const accept = track(acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: noSync }));
    await waitUntil(async () => (await waitingBehind(blocker.pid)) === 1); // the accept's claim waits on the uncommitted attempt
    const decline = track(declineOffer({ impressionId: impression.id, customerId: customer.id }));
    await waitUntil(async () => decline.settled() || (await waitingBehind(blocker.pid)) === 2); // the decline is done or waits behind the accept
    await blocker.release();

    expect(await accept.promise).toMatchObject({ ok: true, charge: { status: "processing" } });
    expect(await decline.promise).toMatchObject({ ok: false, code: "charge_started" });
    expect(create).toHaveBeenCalledTimes(1);
    expect(await db.chargeAttempt.count({ where: { impressionId: impression.id } })).toBe(1);
    expect(await db.offerDecision.findUnique({ where: { impressionId: impression.id } })).toBeNull();
  });
});
