// Offer windows close at their end without anyone looking: the per-session job and the sweep make
// sessions and their undecided offers EXPIRED — except while a one-click charge on them may still
// take money, whose outcome decides where the funnel goes. (Dates sit in 1990, before any other
// test file's rows, so the global sweep here touches only this file's.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expireOfferWindows, expireSessionIfDue, sessionExpiryJobKey } from "@/lib/offers/expiry";
import { startFunnelSession } from "@/lib/offers/funnel";
import { queuedJobs } from "@/tests/support/jobs";
import { seedCustomer, seedOffer, seedProduct, seedUpsellFunnel } from "@/tests/support/seed";

const at = new Date("1990-03-01T12:00:00Z");
const afterWindow = new Date(at.getTime() + 16 * 60_000);

async function sessionWithOffer(opts: { attempt?: "UNKNOWN" | "SUBMITTED" | "FAILED" } = {}) {
  const customer = await seedCustomer();
  const product = await seedProduct();
  const offer = await seedOffer(product.id);
  const { funnel, upsell } = await seedUpsellFunnel(offer.id, (await seedOffer(product.id, { kind: "DOWNSELL" })).id);
  const session = await db.funnelSession.create({
    data: { customerId: customer.id, funnelId: funnel.id, orderAmount: 4900, currency: "USD", currentStepId: upsell.id, startedAt: at, expiresAt: new Date(at.getTime() + 15 * 60_000) },
  });
  const impression = await db.offerImpression.create({
    data: { customerId: customer.id, offerId: offer.id, stepId: upsell.id, funnelSessionId: session.id, placement: "THANK_YOU", priceAmount: 4900, listPriceAmount: 4900, currency: "USD", expiresAt: session.expiresAt, shownAt: at },
  });
  if (opts.attempt) {
    await db.chargeAttempt.create({ data: { impressionId: impression.id, customerId: customer.id, amount: 4900, currency: "USD", status: opts.attempt } });
  }
  return { customer, session, impression, offer };
}

const statusOf = async (sessionId: string) => (await db.funnelSession.findUniqueOrThrow({ where: { id: sessionId } })).status;
const decisionOf = (impressionId: string) => db.offerDecision.findUnique({ where: { impressionId } });

describe("expiring offer windows", () => {
  it("a session past its window is EXPIRED with its undecided offer, by its own job or by the sweep", async () => {
    const own = await sessionWithOffer();
    expect(await expireSessionIfDue(own.session.id, at)).toBe("open");
    expect(await expireSessionIfDue(own.session.id, afterWindow)).toBe("expired");
    expect(await statusOf(own.session.id)).toBe("EXPIRED");
    expect(await decisionOf(own.impression.id)).toMatchObject({ outcome: "EXPIRED", reason: "window_closed" });
    expect(await expireSessionIfDue(own.session.id, afterWindow)).toBe("closed");

    const swept = await sessionWithOffer();
    const result = await expireOfferWindows(afterWindow);
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(await statusOf(swept.session.id)).toBe("EXPIRED");
    expect(await decisionOf(swept.impression.id)).toMatchObject({ outcome: "EXPIRED" });
  });

  it.each(["UNKNOWN", "SUBMITTED"] as const)("waits while a charge is %s on the session; expires it once the charge is decided", async (attempt) => {
    const s = await sessionWithOffer({ attempt });
    expect(await expireSessionIfDue(s.session.id, afterWindow)).toBe("waiting");
    await expireOfferWindows(afterWindow);
    expect(await statusOf(s.session.id)).toBe("OPEN");
    expect(await decisionOf(s.impression.id)).toBeNull();

    // The charge settles (the resolver found it paid): decided, so the window may close.
    await db.chargeAttempt.update({ where: { impressionId: s.impression.id }, data: { status: "SUCCEEDED" } });
    await db.offerDecision.create({ data: { impressionId: s.impression.id, outcome: "ACCEPTED", decidedAt: afterWindow } });
    await expireOfferWindows(afterWindow);
    expect(await statusOf(s.session.id)).toBe("EXPIRED");
    expect(await decisionOf(s.impression.id)).toMatchObject({ outcome: "ACCEPTED" });
  });

  it("the sweep closes account offers past their window, not ones with a charge", async () => {
    const customer = await seedCustomer();
    const product = await seedProduct();
    const offer = await seedOffer(product.id, { kind: "CROSS_SELL" });
    const base = { customerId: customer.id, offerId: offer.id, placement: "ACCOUNT" as const, priceAmount: 1900, listPriceAmount: 1900, currency: "USD", expiresAt: new Date(at.getTime() + 60_000), shownAt: at };
    const plain = await db.offerImpression.create({ data: base });
    const charged = await db.offerImpression.create({ data: base });
    await db.chargeAttempt.create({ data: { impressionId: charged.id, customerId: customer.id, amount: 1900, currency: "USD", status: "UNKNOWN" } });
    await expireOfferWindows(afterWindow);
    expect(await decisionOf(plain.id)).toMatchObject({ outcome: "EXPIRED" });
    expect(await decisionOf(charged.id)).toBeNull();
  });

  it("opening a funnel session queues its expiry for the window's end, once", async () => {
    const customer = await seedCustomer();
    const course = await seedProduct();
    const upsell = await seedOffer((await seedProduct()).id, { triggers: [course.id] });
    await seedUpsellFunnel(upsell.id, (await seedOffer((await seedProduct()).id, { kind: "DOWNSELL", triggers: [course.id] })).id);
    const purchase = { customerId: customer.id, paymentId: `pay_${upsell.id}`, subscriptionId: null, productIds: [course.id], orderAmount: 4900, currency: "USD" };
    const sessionId = await startFunnelSession(purchase);
    expect(await startFunnelSession(purchase)).toBe(sessionId);
    const session = await db.funnelSession.findUniqueOrThrow({ where: { id: sessionId! } });
    expect(await queuedJobs(sessionExpiryJobKey(sessionId!))).toEqual([
      expect.objectContaining({ task: "offers.expire-session", payload: { funnelSessionId: sessionId }, runAt: session.expiresAt }),
    ]);
  });
});
