import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declineOffer } from "@/lib/offers/decide";
import { currentFunnelOffer, startFunnelSession } from "@/lib/offers/funnel";
import { seedCustomer, seedOffer, seedPayment, seedProduct, seedUpsellFunnel } from "@/tests/support/seed";

async function purchaseWithFunnel() {
  const course = await seedProduct({ price: 4900 });
  const upsellProduct = await seedProduct({ price: 9900 });
  const downsellProduct = await seedProduct({ price: 2900 });
  const upsell = await seedOffer(upsellProduct.id, { triggers: [course.id] });
  const downsell = await seedOffer(downsellProduct.id, { kind: "DOWNSELL", triggers: [course.id] });
  const steps = await seedUpsellFunnel(upsell.id, downsell.id);
  const customer = await seedCustomer();
  const start = async () => {
    const payment = await seedPayment(customer.id, course.id);
    const sessionId = await startFunnelSession({ customerId: customer.id, paymentId: payment.id, subscriptionId: null, productIds: [course.id], orderAmount: 4900, currency: "USD" });
    return sessionId!;
  };
  return { course, upsell, downsell, steps, customer, start };
}

describe("the post-purchase funnel", () => {
  it("opens once per purchase, picking the funnel that names the bought product", async () => {
    const { steps, customer, course } = await purchaseWithFunnel();
    const payment = await seedPayment(customer.id, course.id);
    const input = { customerId: customer.id, paymentId: payment.id, subscriptionId: null, productIds: [course.id], orderAmount: 4900, currency: "USD" };
    const [a, b] = await Promise.all([startFunnelSession(input), startFunnelSession(input)]);
    expect(a).toBe(b);
    const session = await db.funnelSession.findUniqueOrThrow({ where: { id: a! } });
    expect(session).toMatchObject({ funnelId: steps.funnel.id, currentStepId: steps.upsell.id, status: "OPEN" });
    expect(session.expiresAt.getTime() - session.startedAt.getTime()).toBe(15 * 60_000);
  });

  it("shows the upsell, records one impression however often it is viewed, and moves to the downsell on decline", async () => {
    const { upsell, downsell, customer, start } = await purchaseWithFunnel();
    const sessionId = await start();
    const first = await currentFunnelOffer(sessionId, customer);
    const again = await currentFunnelOffer(sessionId, customer);
    expect(first.state === "offer" && first.offer.headline).toBe("Add this");
    expect(first.state === "offer" && again.state === "offer" && again.offer.impressionId === first.offer.impressionId).toBe(true);
    expect(await db.offerImpression.count({ where: { funnelSessionId: sessionId, offerId: upsell.id } })).toBe(1);
    // No saved card reachable in unit tests: the offer falls back to hosted checkout.
    expect(first.state === "offer" && first.offer.card).toBeNull();

    if (first.state !== "offer") throw new Error("expected an offer");
    expect(await declineOffer({ impressionId: first.offer.impressionId, customerId: customer.id })).toEqual({ ok: true });
    const next = await currentFunnelOffer(sessionId, customer);
    expect(next.state === "offer" && next.offer.kind).toBe("DOWNSELL");
    const impression = await db.offerImpression.findFirstOrThrow({ where: { funnelSessionId: sessionId, offerId: downsell.id } });
    expect(next.state === "offer" && next.offer.impressionId).toBe(impression.id);

    await declineOffer({ impressionId: impression.id, customerId: customer.id });
    expect(await currentFunnelOffer(sessionId, customer)).toEqual({ state: "done" });
  });

  it("never shows a declined offer again to that customer", async () => {
    const { upsell, customer, start } = await purchaseWithFunnel();
    const firstSession = await start();
    const shown = await currentFunnelOffer(firstSession, customer);
    if (shown.state !== "offer") throw new Error("expected an offer");
    await declineOffer({ impressionId: shown.offer.impressionId, customerId: customer.id });

    const secondSession = await start();
    const view = await currentFunnelOffer(secondSession, customer);
    expect(view.state === "offer" && view.offer.kind).toBe("DOWNSELL");
    expect(await db.offerImpression.count({ where: { funnelSessionId: secondSession, offerId: upsell.id } })).toBe(0);
  });

  it("expires the window: no offer, and the open impression is closed as expired", async () => {
    const { customer, start } = await purchaseWithFunnel();
    const sessionId = await start();
    const shown = await currentFunnelOffer(sessionId, customer);
    if (shown.state !== "offer") throw new Error("expected an offer");
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await currentFunnelOffer(sessionId, customer, later)).toEqual({ state: "expired" });
    expect(await db.offerDecision.findUnique({ where: { impressionId: shown.offer.impressionId } })).toMatchObject({ outcome: "EXPIRED" });
  });

  it("skips a step whose product the customer already owns", async () => {
    const { upsell, customer, start } = await purchaseWithFunnel();
    await db.entitlement.create({ data: { customerId: customer.id, productId: upsell.offeredProductId, source: "PAYMENT", sourceId: `pay_owned_${customer.id}`, status: "ACTIVE" } });
    const view = await currentFunnelOffer(await start(), customer);
    expect(view.state === "offer" && view.offer.kind).toBe("DOWNSELL");
  });

  it("shows nothing to another customer", async () => {
    const { start } = await purchaseWithFunnel();
    const stranger = await seedCustomer();
    expect(await currentFunnelOffer(await start(), stranger)).toEqual({ state: "none" });
  });
});
