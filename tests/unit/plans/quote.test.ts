// The quote → confirm service against a real sandbox and Postgres: what the preview shows is
// Dodo's number, and what is charged (or credited) is exactly that number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { keepCurrentPlan } from "@/lib/plans/scheduled";
import { createLadder, moveIntoPeriod, paymentsOf, renew, settleAndSync, startPlansSandbox, subscribe, type PlansSandbox } from "@/tests/support/plans";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

const deps = () => ({ client: t.client });

async function preview(customerId: string, subscriptionId: string, productId: string) {
  const result = await previewPlanChange({ customerId, subscriptionId, productId }, deps());
  if (!result.ok) throw new Error(`preview refused: ${result.code} ${result.message}`);
  return result.quote;
}

async function lastChange(subscriptionId: string) {
  return db.planChange.findFirstOrThrow({ where: { subscriptionId }, orderBy: { createdAt: "desc" } });
}

describe("upgrade Basic $30 → Pro $80 half-way through the month", () => {
  it.each([
    ["DIFFERENCE_IMMEDIATELY", "$50.00", 5000],
    ["PRORATED_IMMEDIATELY", "$25.00", 2500],
    ["FULL_IMMEDIATELY", "$80.00", 8000],
  ] as const)("%s: previews %s and charges exactly that", async (upgradeProration, shown, amount) => {
    const ladder = await createLadder(t, { upgradeProration });
    const s = await subscribe(t, ladder.basic);
    await moveIntoPeriod(t, s.subscriptionId, 0.5);

    const quote = await preview(s.customerId, s.subscriptionId, ladder.pro);
    expect(quote.chargeNow).toBe(shown);
    expect(quote.effective).toBe("Immediately");
    expect(quote.newPlan.price).toBe("$80.00/month");
    expect(quote.lines).toEqual([expect.objectContaining({ name: "Pro", quantity: 1, unitPrice: "$80.00" })]);
    const quoted = await lastChange(s.subscriptionId);
    expect([quoted.status, quoted.quotedAmount]).toEqual(["QUOTED", amount]);

    const confirmed = await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps());
    expect(confirmed).toMatchObject({ ok: true });
    await settleAndSync(t, s.subscriptionId);

    const change = await lastChange(s.subscriptionId);
    expect(change.status).toBe("APPLIED");
    const charge = (await paymentsOf(t, s.subscriptionId)).find((p) => p.payment_id === change.dodoPaymentId);
    expect(charge).toMatchObject({ total_amount: amount, status: "succeeded" });
    expect((await t.client.payments.retrieve(change.dodoPaymentId!)).metadata).toMatchObject({ encore_plan_change_id: change.id });
    const sub = await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } });
    expect([sub.productId, sub.recurringAmount, sub.status]).toEqual([ladder.pro, 8000, "ACTIVE"]);
  });
});

describe("immediate downgrade Pro $80 → Starter $20 half-way through the month", () => {
  it.each([
    ["DIFFERENCE_IMMEDIATELY", "$60.00", [0, 0, 0, 2000]],
    ["PRORATED_IMMEDIATELY", "$30.00", [0, 1000, 2000, 2000]],
  ] as const)("%s: credits %s, nothing charged, the next renewals consume the credit", async (downgradeProration, credit, renewals) => {
    const ladder = await createLadder(t, { downgradeTiming: "IMMEDIATELY", downgradeProration });
    const s = await subscribe(t, ladder.pro);
    await moveIntoPeriod(t, s.subscriptionId, 0.5);
    const paidBefore = (await paymentsOf(t, s.subscriptionId)).length;

    const quote = await preview(s.customerId, s.subscriptionId, ladder.starter);
    expect([quote.chargeNow, quote.credit]).toEqual(["$0.00", { kind: "added", label: "Credit added", amount: credit }]);
    expect(await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps())).toMatchObject({ ok: true, status: "APPLIED" });
    expect((await paymentsOf(t, s.subscriptionId)).length).toBe(paidBefore);

    const charged = [];
    for (let i = 0; i < renewals.length; i++) charged.push(await renew(t, s.subscriptionId));
    expect(charged).toEqual(renewals);
  });
});

describe("scheduled downgrade (the default policy)", () => {
  it("is scheduled for the next billing date, cancelled with one call, and the renewal stays on Pro", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.pro);
    const dodoSub = await t.client.subscriptions.retrieve(s.subscriptionId);

    const quote = await preview(s.customerId, s.subscriptionId, ladder.starter);
    expect(quote.chargeNow).toBe("$0.00");
    expect(quote.credit).toBeNull();
    expect(quote.effective).toMatch(/^On /);
    const done = await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps());
    expect(done).toMatchObject({ ok: true, status: "SCHEDULED" });
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } });
    expect(stored.scheduledChange).toMatchObject({ productId: ladder.starter, effectiveAt: dodoSub.next_billing_date });

    // A second change while one is scheduled: Dodo answers 409, we say why.
    const second = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.basic }, deps());
    expect(second).toMatchObject({ ok: false, code: "pending_change" });

    expect(await keepCurrentPlan({ customerId: s.customerId, subscriptionId: s.subscriptionId }, deps())).toMatchObject({ ok: true });
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).scheduled_change ?? null).toBeNull();
    expect((await lastChange(s.subscriptionId)).status).toBe("CANCELLED");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } })).scheduledChange).toBeNull();

    expect(await renew(t, s.subscriptionId)).toBe(8000);
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).product_id).toBe(ladder.pro);
  });
});

describe("scheduled downgrade taking effect", () => {
  it("reaches Dodo as full_immediately + next_billing_date, charges nothing now and bills Starter from the renewal", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.pro);
    const before = await t.client.subscriptions.retrieve(s.subscriptionId);
    const quote = await preview(s.customerId, s.subscriptionId, ladder.starter);
    expect(quote.explanation).toBe("Nothing is charged now. You keep your current plan until your next billing date, so the time you have paid for is used in full; then your plan changes and renews at the new price.");
    expect(await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps())).toMatchObject({ ok: true, status: "SCHEDULED" });
    expect(await lastChange(s.subscriptionId)).toMatchObject({ prorationMode: "FULL_IMMEDIATELY", effectiveAt: "NEXT_BILLING_DATE", status: "SCHEDULED" });
    expect((await paymentsOf(t, s.subscriptionId)).length).toBe(1);
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).product_id).toBe(ladder.pro);

    // The sandbox clock reaches the renewal: Starter applies and is billed in full.
    expect(await renew(t, s.subscriptionId)).toBe(2000);
    const after = await t.client.subscriptions.retrieve(s.subscriptionId);
    expect(after).toMatchObject({ product_id: ladder.starter, scheduled_change: null, previous_billing_date: before.next_billing_date });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } })).productId).toBe(ladder.starter);
  });
});

describe("the locked quote", () => {
  it("refuses a confirm after the price changed, with the new numbers, and charges nothing", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    const quote = await preview(s.customerId, s.subscriptionId, ladder.pro);
    expect(quote.chargeNow).toBe("$50.00");
    const paidBefore = (await paymentsOf(t, s.subscriptionId)).length;

    await t.restartWith((state) => {
      state.products[ladder.pro]!.product.price.price = 10000;
    });
    const refused = await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps());
    expect(refused).toMatchObject({ ok: false, code: "quote_changed", previousChargeNow: "$50.00", quote: { chargeNow: "$70.00" } });
    expect(refused.ok ? null : refused.message).toContain("$70.00");
    expect((await paymentsOf(t, s.subscriptionId)).length).toBe(paidBefore);
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).product_id).toBe(ladder.basic);
    const changes = await db.planChange.findMany({ where: { subscriptionId: s.subscriptionId }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => [c.status, c.quotedAmount])).toEqual([["CANCELLED", 5000], ["QUOTED", 7000]]);

    // The new quote is confirmable and charges the new number.
    const newToken = refused.ok ? "" : refused.quote!.token;
    expect(await confirmPlanChange({ customerId: s.customerId, token: newToken }, deps())).toMatchObject({ ok: true });
    await settleAndSync(t, s.subscriptionId);
    const change = await lastChange(s.subscriptionId);
    expect((await t.client.payments.retrieve(change.dodoPaymentId!)).total_amount).toBe(7000);
  });

  it("refuses when the prorated amount moved with time, and never reuses a quote", async () => {
    const ladder = await createLadder(t, { upgradeProration: "PRORATED_IMMEDIATELY" });
    const s = await subscribe(t, ladder.basic);
    await moveIntoPeriod(t, s.subscriptionId, 0.5);
    const quote = await preview(s.customerId, s.subscriptionId, ladder.pro);
    await moveIntoPeriod(t, s.subscriptionId, 0.75);
    const refused = await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps());
    expect(refused).toMatchObject({ ok: false, code: "quote_changed", quote: { chargeNow: "$12.50" } });
    // The retired quote cannot be replayed.
    expect(await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps())).toMatchObject({ ok: false, code: "quote_used" });
  });

  it("belongs to its customer and expires", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    const other = await subscribe(t, ladder.basic);
    const quote = await preview(s.customerId, s.subscriptionId, ladder.pro);
    expect(await confirmPlanChange({ customerId: other.customerId, token: quote.token }, deps())).toMatchObject({ ok: false, code: "not_found" });
    const later = () => new Date(Date.now() + 11 * 60_000);
    expect(await confirmPlanChange({ customerId: s.customerId, token: quote.token }, { ...deps(), now: later })).toMatchObject({ ok: false, code: "quote_expired" });
    expect(await previewPlanChange({ customerId: other.customerId, subscriptionId: s.subscriptionId, productId: ladder.pro }, deps())).toMatchObject({ ok: false, code: "not_found" });
  });

  it("charges once when the same quote is confirmed twice at the same time", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    const quote = await preview(s.customerId, s.subscriptionId, ladder.pro);
    const before = (await paymentsOf(t, s.subscriptionId)).length;
    const results = await Promise.all([1, 2, 3].map(() => confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps())));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await paymentsOf(t, s.subscriptionId)).length).toBe(before + 1);
  });
});

describe("a declined upgrade charge (the …0341 card)", () => {
  it("prevent_change: stays on Basic, the change is FAILED with the card's reason", async () => {
    const ladder = await createLadder(t, { upgradeOnPaymentFailure: "PREVENT_CHANGE" });
    const s = await subscribe(t, ladder.basic, { card: "0341" });
    const quote = await preview(s.customerId, s.subscriptionId, ladder.pro);
    expect(quote.failureNote).toContain("you stay on Basic");
    expect(await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps())).toMatchObject({ ok: true, status: "SUBMITTED" });
    await settleAndSync(t, s.subscriptionId);
    expect(await lastChange(s.subscriptionId)).toMatchObject({ status: "FAILED", errorCode: "CARD_DECLINED" });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } })).toMatchObject({ productId: ladder.basic, status: "ACTIVE" });
  });

  it("apply_change: moves to Pro and the subscription goes on hold", async () => {
    const ladder = await createLadder(t, { upgradeOnPaymentFailure: "APPLY_CHANGE" });
    const s = await subscribe(t, ladder.basic, { card: "0341" });
    const quote = await preview(s.customerId, s.subscriptionId, ladder.pro);
    expect(quote.failureNote).toContain("on hold");
    expect(await confirmPlanChange({ customerId: s.customerId, token: quote.token }, deps())).toMatchObject({ ok: true });
    await settleAndSync(t, s.subscriptionId);
    expect(await lastChange(s.subscriptionId)).toMatchObject({ status: "APPLIED", errorCode: "CARD_DECLINED" });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } })).toMatchObject({ productId: ladder.pro, status: "ON_HOLD" });
  });
});

describe("interval changes", () => {
  it("monthly → yearly bills the yearly plan in full and restarts the cycle today", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    await moveIntoPeriod(t, s.subscriptionId, 0.5);
    const quote = await preview(s.customerId, s.subscriptionId, ladder.basicYearly);
    expect([quote.chargeNow, quote.newPlan.price, quote.effective]).toEqual(["$300.00", "$300.00/year", "Immediately"]);
    expect(quote.explanation).toContain("new billing period starts today");
    // What becomes of the half month already paid for is said in words, and the move reads "Switch".
    expect(quote.explanation).toContain("The unused part of your current period is not refunded or credited.");
    expect(quote.title).toBe("Switch to Basic yearly");
    expect(quote.confirmLabel).toBe("Confirm switch and pay $300.00");
    expect(quote.lines.map((l) => l.factor)).toEqual(["a full period"]);
  });

  it("is refused when the merchant does not allow it", async () => {
    const ladder = await createLadder(t, { allowIntervalChange: false });
    const s = await subscribe(t, ladder.basic);
    expect(await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.basicYearly }, deps()))
      .toMatchObject({ ok: false, code: "interval_change_not_allowed" });
  });
});

describe("refusals in the customer's language", () => {
  const pt = () => ({ client: t.client, locale: "pt-BR" as const });

  it("words every refusal of a plan change in Brazilian Portuguese: not found, same plan, interval, Dodo's 409 and keep-plan", async () => {
    const ladder = await createLadder(t, { allowIntervalChange: false });
    const s = await subscribe(t, ladder.pro);
    const previewPt = (customerId: string, productId: string) => previewPlanChange({ customerId, subscriptionId: s.subscriptionId, productId }, pt());
    expect(await previewPt("someone-else", ladder.starter)).toMatchObject({ ok: false, code: "not_found", message: "Esta assinatura ou plano não está disponível." });
    expect(await previewPt(s.customerId, ladder.pro)).toMatchObject({ ok: false, code: "same_plan", message: "Você já está neste plano." });
    expect(await previewPt(s.customerId, ladder.basicYearly)).toMatchObject({ ok: false, code: "interval_change_not_allowed", message: "A troca entre cobrança mensal e anual não está disponível para este plano." });
    expect(await confirmPlanChange({ customerId: s.customerId, token: "forged" }, pt())).toMatchObject({ ok: false, code: "not_found", message: "Esta assinatura ou plano não está disponível." });
    expect(await keepCurrentPlan({ customerId: s.customerId, subscriptionId: s.subscriptionId }, pt())).toMatchObject({ ok: false, code: "nothing_scheduled", message: "Não há mudança de plano programada para cancelar." });

    const quote = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.starter }, pt());
    if (!quote.ok) throw new Error(quote.message);
    expect(await confirmPlanChange({ customerId: s.customerId, token: quote.quote.token }, pt())).toMatchObject({ ok: true, status: "SCHEDULED" });
    expect(await previewPt(s.customerId, ladder.basic)).toMatchObject({ ok: false, code: "pending_change", message: expect.stringMatching(/^Outra mudança de plano ainda está em andamento ou programada\./) });
    expect(await keepCurrentPlan({ customerId: s.customerId, subscriptionId: s.subscriptionId }, pt())).toMatchObject({ ok: true, message: "Você continua no plano Pro. A mudança programada foi cancelada." });
    // English stays the default.
    expect(await previewPlanChange({ customerId: "someone-else", subscriptionId: s.subscriptionId, productId: ladder.starter }, deps())).toMatchObject({ message: "This subscription or plan is not available." });
  });
});
