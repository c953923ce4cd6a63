// After a failed one-click the funnel follows its payment-failed edge; when the offer is then
// paid after all ("use another card", or a lost answer that turns out paid), the funnel continues
// as if it had been accepted.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { recordDecision, settleDecisionFromPayment } from "@/lib/offers/decide";
import { currentFunnelOffer, startFunnelSession } from "@/lib/offers/funnel";
import { seedCustomer, seedOffer, seedPayment, seedProduct } from "@/tests/support/seed";

async function funnelWithAcceptStep() {
  const course = await seedProduct();
  const [up, down, next] = await Promise.all([seedProduct({ price: 9900 }), seedProduct({ price: 2900 }), seedProduct({ price: 1900 })]);
  const [upOffer, downOffer, nextOffer] = await Promise.all([
    seedOffer(up.id, { triggers: [course.id], name: "Upsell" }),
    seedOffer(down.id, { kind: "DOWNSELL", triggers: [course.id], name: "Downsell" }),
    seedOffer(next.id, { triggers: [course.id], name: "After yes" }),
  ]);
  const funnel = await db.funnel.create({ data: { name: "fallback" } });
  const downStep = await db.funnelStep.create({ data: { funnelId: funnel.id, position: 2, name: "down", variants: { create: { offerId: downOffer.id } } } });
  const nextStep = await db.funnelStep.create({ data: { funnelId: funnel.id, position: 3, name: "next", variants: { create: { offerId: nextOffer.id } } } });
  const upStep = await db.funnelStep.create({
    data: { funnelId: funnel.id, position: 1, name: "up", onFailStepId: downStep.id, onDeclineStepId: downStep.id, onAcceptStepId: nextStep.id, variants: { create: { offerId: upOffer.id } } },
  });
  await db.funnel.update({ where: { id: funnel.id }, data: { entryStepId: upStep.id } });
  const customer = await seedCustomer();
  const payment = await seedPayment(customer.id, course.id);
  const sessionId = (await startFunnelSession({ customerId: customer.id, paymentId: payment.id, subscriptionId: null, productIds: [course.id], orderAmount: 4900, currency: "USD" }))!;
  return { customer, sessionId, up };
}

/** The offer's own payment (through hosted checkout), as the sync engine stores it, paid. */
const paidFor = (customerId: string, productId: string) => seedPayment(customerId, productId, 9900);

describe("the funnel after a failed charge is paid after all", () => {
  it("closes the downsell shown meanwhile and continues on the accept edge", async () => {
    const t = await funnelWithAcceptStep();
    const upsell = await currentFunnelOffer(t.sessionId, t.customer);
    if (upsell.state !== "offer") throw new Error("expected the upsell");
    await inTransaction((tx) => recordDecision(tx, upsell.offer.impressionId, "FAILED", "card_declined"));
    const downsell = await currentFunnelOffer(t.sessionId, t.customer);
    expect(downsell.state === "offer" && downsell.offer).toMatchObject({ kind: "DOWNSELL", followsRefusal: true });

    const payment = await paidFor(t.customer.id, t.up.id);
    await inTransaction((tx) => settleDecisionFromPayment(tx, upsell.offer.impressionId, payment));
    expect(await db.offerDecision.findUnique({ where: { impressionId: upsell.offer.impressionId } })).toMatchObject({ outcome: "ACCEPTED" });
    if (downsell.state !== "offer") throw new Error("expected the downsell");
    expect(await db.offerDecision.findUnique({ where: { impressionId: downsell.offer.impressionId } })).toMatchObject({ outcome: "EXPIRED", reason: "superseded" });
    const next = await currentFunnelOffer(t.sessionId, t.customer);
    expect(next.state === "offer" && next.offer.headline).toBe("After yes");
  });

  it("leaves the funnel where it is when the customer already answered the downsell", async () => {
    const t = await funnelWithAcceptStep();
    const upsell = await currentFunnelOffer(t.sessionId, t.customer);
    if (upsell.state !== "offer") throw new Error("expected the upsell");
    await inTransaction((tx) => recordDecision(tx, upsell.offer.impressionId, "FAILED", "card_declined"));
    const downsell = await currentFunnelOffer(t.sessionId, t.customer);
    if (downsell.state !== "offer") throw new Error("expected the downsell");
    await inTransaction((tx) => recordDecision(tx, downsell.offer.impressionId, "DECLINED", "customer_declined"));
    expect(await currentFunnelOffer(t.sessionId, t.customer)).toEqual({ state: "done" });

    const payment = await paidFor(t.customer.id, t.up.id);
    await inTransaction((tx) => settleDecisionFromPayment(tx, upsell.offer.impressionId, payment));
    expect(await db.offerDecision.findUnique({ where: { impressionId: downsell.offer.impressionId } })).toMatchObject({ outcome: "DECLINED" });
    expect(await currentFunnelOffer(t.sessionId, t.customer)).toEqual({ state: "done" });
  });
});
