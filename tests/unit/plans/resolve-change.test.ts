// The worker's resolution of plan changes whose change-plan call got no answer (UNKNOWN), against
// a real sandbox that delivers no webhooks: read the subscription, look for the change's payment by
// our metadata; changed → APPLIED (or SCHEDULED); unchanged with no payment after the settle window
// → not applied, and the customer may choose a plan again. Also "Keep my current plan" unanswered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { changeInFlight, resolvePlanChangeJobKey } from "@/lib/plans/plan-change";
import { planViews } from "@/lib/plans/plan-views";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { resolvePlanChange } from "@/lib/plans/resolve-change";
import { confirmKeepPlanJobKey, keepCurrentPlan, settleScheduledCancel } from "@/lib/plans/scheduled";
import { queuedJobs } from "@/tests/support/jobs";
import { answerAuthentication } from "@/tests/support/offer-journey";
import { createLadder, paymentsOf, startPlansSandbox, subscribe, type PlansSandbox, type TestLadder } from "@/tests/support/plans";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

const changeOf = (subscriptionId: string) => db.planChange.findFirstOrThrow({ where: { subscriptionId, status: { not: "QUOTED" } }, orderBy: { createdAt: "desc" } });

/** A Basic subscriber confirms a move to `to` while change-plan suffers `fault`; the change is UNKNOWN. */
async function unansweredChange(fault: Record<string, unknown>, to: keyof Pick<TestLadder, "pro" | "starter"> = "pro", policy = {}) {
  const ladder = await createLadder(t, policy);
  const s = await subscribe(t, ladder.basic);
  const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder[to] }, { client: t.client });
  if (!preview.ok) throw new Error(preview.message);
  await t.control("POST", "/_sandbox/faults", { endpoint: `POST /subscriptions/${s.subscriptionId}/change-plan`, times: 1, ...fault });
  const confirmed = await confirmPlanChange({ customerId: s.customerId, token: preview.quote.token }, { client: t.client });
  expect(confirmed).toMatchObject({ ok: true, status: "UNKNOWN" });
  const change = await changeOf(s.subscriptionId);
  expect(change.status).toBe("UNKNOWN");
  return { ladder, s, change };
}

describe("resolving an unanswered plan change", () => {
  it("queues its resolver with the UNKNOWN, and keeps blocking other changes past the old 10-minute cut-off", async () => {
    const { s, change } = await unansweredChange({ error_rate: 1 });
    expect(await queuedJobs(resolvePlanChangeJobKey(change.id))).toMatchObject([{ task: "plans.resolve-change", payload: { planChangeId: change.id } }]);
    const later = new Date(change.submittedAt!.getTime() + 60 * 60_000);
    expect(await changeInFlight(db, s.subscriptionId, later)).toMatchObject({ id: change.id });
  });

  it("nothing done at Dodo: waits out the window, then not applied; the customer is told and may change plan again", async () => {
    const { ladder, s, change } = await unansweredChange({ error_rate: 1 });
    expect(await resolvePlanChange(change.id, { client: t.client, settleMs: 60_000 })).toEqual({ kind: "waiting", until: new Date(change.submittedAt!.getTime() + 60_000) });
    expect((await changeOf(s.subscriptionId)).status).toBe("UNKNOWN");

    const after = () => new Date(change.submittedAt!.getTime() + 60_001);
    expect(await resolvePlanChange(change.id, { client: t.client, settleMs: 60_000, now: after })).toEqual({ kind: "not_applied" });
    expect(await changeOf(s.subscriptionId)).toMatchObject({ status: "FAILED", errorCode: "NOT_APPLIED" });
    const [view] = await planViews(s.customerId, { client: t.client });
    expect(view).toMatchObject({ current: { name: "Basic" }, confirming: null, processing: null, locked: null });
    expect(view!.notice).toMatchObject({ tone: "warning", text: expect.stringMatching(/^We checked with the payment provider: your change to Pro did not go through\. Nothing changed; you are still on Basic and can choose a plan again\./) });
    expect(await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.pro }, { client: t.client })).toMatchObject({ ok: true });
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).product_id).toBe(ladder.basic);
  });

  it("done at Dodo (answer lost): its open payment makes it SUBMITTED, and once paid the subscription shows it APPLIED", async () => {
    const { ladder, s, change } = await unansweredChange({ lose_answer: 502 });
    const paidBefore = (await paymentsOf(t, s.subscriptionId)).length;
    expect(await resolvePlanChange(change.id, { client: t.client, settleMs: 1, now: () => new Date(Date.now() + 1000) })).toEqual({ kind: "settled", status: "SUBMITTED", by: "payment" });
    await t.control("POST", "/_sandbox/settle");
    const [view] = await planViews(s.customerId, { client: t.client });
    expect(view).toMatchObject({ current: { name: "Pro" }, confirming: null });
    expect(await changeOf(s.subscriptionId)).toMatchObject({ status: "APPLIED", toProductId: ladder.pro });
    expect((await paymentsOf(t, s.subscriptionId)).length).toBe(paidBefore);
  });

  it("done at Dodo and already paid: APPLIED from the subscription", async () => {
    const { ladder, s, change } = await unansweredChange({ lose_answer: 502 });
    await t.control("POST", "/_sandbox/settle");
    expect(await resolvePlanChange(change.id, { client: t.client })).toEqual({ kind: "settled", status: "APPLIED", by: "subscription" });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } })).productId).toBe(ladder.pro);
    expect(await resolvePlanChange(change.id, { client: t.client })).toEqual({ kind: "settled", status: "APPLIED", by: "earlier" });
  });

  it("a scheduled downgrade whose answer was lost: SCHEDULED from the subscription's scheduled change", async () => {
    const { ladder, s, change } = await unansweredChange({ lose_answer: 503 }, "starter");
    expect(await resolvePlanChange(change.id, { client: t.client })).toEqual({ kind: "settled", status: "SCHEDULED", by: "subscription" });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } })).scheduledChange).toMatchObject({ productId: ladder.starter });
  });
});

describe("'Keep my current plan' without an answer", () => {
  async function scheduledDowngrade() {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.pro);
    const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.starter }, { client: t.client });
    if (!preview.ok) throw new Error(preview.message);
    expect(await confirmPlanChange({ customerId: s.customerId, token: preview.quote.token }, { client: t.client })).toMatchObject({ status: "SCHEDULED" });
    return s;
  }

  it("never says nothing was changed; the worker's check records the cancel Dodo did make", async () => {
    const s = await scheduledDowngrade();
    await t.control("POST", "/_sandbox/faults", { endpoint: `DELETE /subscriptions/${s.subscriptionId}/change-plan/scheduled`, lose_answer: 502, times: 2 });
    const kept = await keepCurrentPlan({ customerId: s.customerId, subscriptionId: s.subscriptionId }, { client: t.client });
    expect(kept).toMatchObject({ ok: true, confirming: true, message: expect.stringMatching(/can't tell yet whether your scheduled change was cancelled/) });
    expect(kept.message).not.toMatch(/nothing was changed/i);
    expect(await queuedJobs(confirmKeepPlanJobKey(s.subscriptionId))).toMatchObject([{ task: "plans.confirm-keep-plan" }]);
    expect(await settleScheduledCancel(s.subscriptionId, { client: t.client })).toBe(true);
    expect((await changeOf(s.subscriptionId)).status).toBe("CANCELLED");
  });

  it("when Dodo did not cancel it, the schedule stays and is shown", async () => {
    const s = await scheduledDowngrade();
    await t.control("POST", "/_sandbox/faults", { endpoint: `DELETE /subscriptions/${s.subscriptionId}/change-plan/scheduled`, error_rate: 1, times: 2 });
    expect(await keepCurrentPlan({ customerId: s.customerId, subscriptionId: s.subscriptionId }, { client: t.client })).toMatchObject({ ok: true, confirming: true });
    expect(await settleScheduledCancel(s.subscriptionId, { client: t.client })).toBe(false);
    expect((await changeOf(s.subscriptionId)).status).toBe("SCHEDULED");
    const [view] = await planViews(s.customerId, { client: t.client });
    expect(view!.scheduled).toMatchObject({ toName: "Starter" });
  });
});

describe("a plan-change charge that needs 3-D Secure", () => {
  it("shows Dodo's link to confirm it (no 'processing' forever); once confirmed the change applies", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic, { card: "3155" });
    const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.pro }, { client: t.client });
    if (!preview.ok) throw new Error(preview.message);
    expect(await confirmPlanChange({ customerId: s.customerId, token: preview.quote.token }, { client: t.client })).toMatchObject({ ok: true });
    await t.control("POST", "/_sandbox/settle");
    const [waiting] = await planViews(s.customerId, { client: t.client });
    expect(waiting).toMatchObject({ current: { name: "Basic" }, processing: null, confirming: null, authenticate: { toName: "Pro", url: expect.stringContaining("/authenticate/") } });
    expect(waiting!.locked).toBe("Your previous change is waiting for your bank's confirmation.");

    await answerAuthentication(waiting!.authenticate!.url!, "complete");
    const [done] = await planViews(s.customerId, { client: t.client });
    expect(done).toMatchObject({ current: { name: "Pro" }, authenticate: null, processing: null, locked: null });
    expect((await changeOf(s.subscriptionId)).status).toBe("APPLIED");
  });
});
