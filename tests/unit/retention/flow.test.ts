// The cancel-flow services against a private sandbox: pause with a length and its resume at the
// pause's end by the sandbox clock, cancellation with Dodo's feedback and its undo, the holdout,
// and pause/cancel calls whose answer is lost — UNKNOWN, never sent again, settled by the resolver
// from Dodo's own subscription.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db/client";
import { acceptPauseOffer, cancelAnyway, confirmSavePlan, pause, previewSavePlan, resume, startCancel, undoCancel } from "@/lib/retention/flow";
import { resolveAction, resumeAtPauseEnd } from "@/lib/retention/resolve";
import { createLadder, settleAndSync, startPlansSandbox, subscribe, type PlansSandbox, type TestLadder } from "@/tests/support/plans";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

const deps = () => ({ client: t.client });
const entitlementOf = (customerId: string, productId: string) => db.entitlement.findFirst({ where: { customerId, productId }, select: { status: true, endsAt: true } });
const actionsOf = (subscriptionId: string) => db.subscriptionAction.findMany({ where: { subscriptionId }, orderBy: { createdAt: "asc" } });

async function jobsFor(identifier: string, key: string) {
  return db.$queryRaw<Array<{ payload: Record<string, string>; run_at: Date }>>(Prisma.sql`
    SELECT j.payload, j.run_at FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${identifier} AND j.key = ${key}`);
}

async function ladderWithOffer(reason: "UNUSED" | "TOO_EXPENSIVE", offer: { kind: "PAUSE"; pauseCycles: number } | { kind: "CHEAPER_PLAN" | "INTERVAL_SWITCH"; target: keyof TestLadder }, holdoutBps = 0) {
  const ladder = await createLadder(t);
  await db.planLadder.update({ where: { id: ladder.ladder.id }, data: { retentionHoldoutBps: holdoutBps } });
  await db.saveOffer.create({
    data: offer.kind === "PAUSE"
      ? { ladderId: ladder.ladder.id, reason, kind: "PAUSE", pauseCycles: offer.pauseCycles }
      : { ladderId: ladder.ladder.id, reason, kind: offer.kind, targetProductId: ladder[offer.target] as string },
  });
  return ladder;
}

describe("pause for one cycle, then the pause ends", () => {
  it("pauses at Dodo, suspends access, queues the resume at the end of the cycle; at that sandbox time it resumes and access returns", async () => {
    const ladder = await ladderWithOffer("UNUSED", { kind: "PAUSE", pauseCycles: 1 });
    const s = await subscribe(t, ladder.basic);
    const before = await t.client.subscriptions.retrieve(s.subscriptionId);
    const started = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "UNUSED" }, deps());
    if (!started.ok) throw new Error(started.message);
    expect(started.offer).toMatchObject({ kind: "PAUSE", actionLabel: "Pause for month" });

    const paused = await acceptPauseOffer({ customerId: s.customerId, attemptId: started.attemptId }, deps());
    expect(paused).toMatchObject({ ok: true, confirming: false });
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).status).toBe("paused");
    expect(await entitlementOf(s.customerId, ladder.basic)).toMatchObject({ status: "SUSPENDED" });
    const [action] = await actionsOf(s.subscriptionId);
    expect(action).toMatchObject({ kind: "PAUSE", status: "DONE", pauseCycles: 1, cancelAttemptId: started.attemptId });
    expect(await db.cancelAttempt.findUnique({ where: { id: started.attemptId } })).toMatchObject({ status: "SAVED", actionId: action!.id });
    const [job] = await jobsFor("retention.resume-pause", `resume-pause:${s.subscriptionId}`);
    expect(job?.payload).toEqual({ subscriptionId: s.subscriptionId, pauseActionId: action!.id });
    expect(job!.run_at.getTime()).toBe(action!.resumeAt!.getTime());

    // Dodo's clock reaches the end of the pause; the job runs.
    await t.control("POST", "/_sandbox/clock", { set: action!.resumeAt!.toISOString() });
    expect(await resumeAtPauseEnd({ subscriptionId: s.subscriptionId, pauseActionId: action!.id }, deps())).toBe("resumed");
    const after = await t.client.subscriptions.retrieve(s.subscriptionId);
    expect(after.status).toBe("active");
    // The billing clock froze for the pause: the renewal moved by the month paused.
    const pausedMs = action!.resumeAt!.getTime() - action!.createdAt.getTime();
    expect(Math.abs(Date.parse(after.next_billing_date) - Date.parse(before.next_billing_date) - pausedMs)).toBeLessThan(60_000);
    expect(await entitlementOf(s.customerId, ladder.basic)).toMatchObject({ status: "ACTIVE" });
    // Running the job again changes nothing.
    expect(await resumeAtPauseEnd({ subscriptionId: s.subscriptionId, pauseActionId: action!.id }, deps())).toBe("not_paused");
    await t.control("POST", "/_sandbox/clock", { set: new Date().toISOString() });
  });

  it("a job of an earlier pause never ends a later one, and 'resume now' works before the end", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    expect(await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: 2 }, deps())).toMatchObject({ ok: true });
    expect(await resume({ customerId: s.customerId, subscriptionId: s.subscriptionId }, deps())).toMatchObject({ ok: true, message: expect.stringMatching(/^Resumed: your access to Basic is back/) });
    const first = (await actionsOf(s.subscriptionId))[0]!;
    expect(await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: null }, deps())).toMatchObject({ ok: true, message: expect.stringContaining("It stays paused until you resume it.") });
    expect(await resumeAtPauseEnd({ subscriptionId: s.subscriptionId, pauseActionId: first.id }, deps())).toBe("superseded");
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).status).toBe("paused");
  });
});

describe("cancelling", () => {
  it("sends cancel-at-next-billing-date with Dodo's feedback and the comment; access until the date; undo keeps it", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    const started = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "SWITCHED_SERVICE", comment: "Moving on" }, deps());
    if (!started.ok) throw new Error(started.message);
    expect(started.offer).toBeNull();
    expect(started.cancelTerms).toMatch(/^If you cancel, you are not charged again\. You keep access to Basic until \d+ \w+ \d{4}, when your subscription ends\./);
    expect(await cancelAnyway({ customerId: s.customerId, attemptId: started.attemptId }, deps())).toMatchObject({ ok: true, confirming: false });
    expect(await t.client.subscriptions.retrieve(s.subscriptionId)).toMatchObject({ status: "active", cancel_at_next_billing_date: true, cancellation_feedback: "switched_service", cancellation_comment: "Moving on" });
    const sub = await db.subscription.findUniqueOrThrow({ where: { id: s.subscriptionId } });
    expect(await entitlementOf(s.customerId, ladder.basic)).toEqual({ status: "ACTIVE", endsAt: sub.nextBillingDate });
    expect(await db.cancelAttempt.findUnique({ where: { id: started.attemptId } })).toMatchObject({ status: "CANCELLED" });
    // A second attempt is refused while it is set to end.
    expect(await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId }, deps())).toMatchObject({ ok: false, code: "nothing_to_do" });

    expect(await undoCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId }, deps())).toMatchObject({ ok: true });
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).cancel_at_next_billing_date).toBe(false);
    expect(await entitlementOf(s.customerId, ladder.basic)).toEqual({ status: "ACTIVE", endsAt: null });
    expect(await db.cancelAttempt.findUnique({ where: { id: started.attemptId } })).toMatchObject({ status: "KEPT" });
  });

  it("is refused for another customer's subscription", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    expect(await startCancel({ customerId: "someone-else", subscriptionId: s.subscriptionId }, deps())).toMatchObject({ ok: false, code: "not_found" });
    expect(await pause({ customerId: "someone-else", subscriptionId: s.subscriptionId, cycles: 1 }, deps())).toMatchObject({ ok: false, code: "not_found" });
  });

  it("holdout customers see no save offer, and are recorded as held out with the offer they would have had", async () => {
    const ladder = await ladderWithOffer("TOO_EXPENSIVE", { kind: "CHEAPER_PLAN", target: "starter" }, 10_000);
    const s = await subscribe(t, ladder.basic);
    const started = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "TOO_EXPENSIVE" }, deps());
    expect(started).toMatchObject({ ok: true, offer: null });
    expect(await db.cancelAttempt.findUnique({ where: { id: (started as { attemptId: string }).attemptId } })).toMatchObject({ holdout: true, offerKind: "CHEAPER_PLAN" });
    await db.planLadder.update({ where: { id: ladder.ladder.id }, data: { retentionHoldoutBps: 0 } });
    expect(await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "TOO_EXPENSIVE" }, deps())).toMatchObject({ ok: true, offer: { kind: "CHEAPER_PLAN", headline: "Stay for less: Starter at $20.00/month" } });
  });
});

describe("plan offers", () => {
  it("another billing interval: Dodo's preview of Basic → Basic yearly, confirmed in one click, saves the attempt", async () => {
    const ladder = await ladderWithOffer("TOO_EXPENSIVE", { kind: "INTERVAL_SWITCH", target: "basicYearly" });
    const s = await subscribe(t, ladder.basic);
    const started = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "TOO_EXPENSIVE" }, deps());
    if (!started.ok) throw new Error(started.message);
    expect(started.offer).toMatchObject({ kind: "INTERVAL_SWITCH", actionLabel: "Switch to Basic yearly, billed per year: see the price" });
    const preview = await previewSavePlan({ customerId: s.customerId, attemptId: started.attemptId }, deps());
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.quote.newPlan.name).toBe("Basic yearly");
    const confirmed = await confirmSavePlan({ customerId: s.customerId, attemptId: started.attemptId, token: preview.quote.token }, deps());
    expect(confirmed).toMatchObject({ ok: true });
    // A move to a longer interval is billed in full now; Dodo switches the plan once it is paid.
    await settleAndSync(t, s.subscriptionId);
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).product_id).toBe(ladder.basicYearly);
    const attempt = await db.cancelAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(attempt.status).toBe("SAVED");
    expect(await db.planChange.findUnique({ where: { id: attempt.planChangeId! } })).toMatchObject({ toProductId: ladder.basicYearly });
  });

  it("a plan offer the subscription cannot take (the offered plan was archived) is not shown", async () => {
    const ladder = await ladderWithOffer("TOO_EXPENSIVE", { kind: "CHEAPER_PLAN", target: "starter" });
    await db.product.update({ where: { id: ladder.starter }, data: { archived: true } });
    const s = await subscribe(t, ladder.basic);
    expect(await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "TOO_EXPENSIVE" }, deps())).toMatchObject({ ok: true, offer: null });
  });
});

describe("a pause or cancellation whose answer is lost", () => {
  it("processed, answer lost (502): UNKNOWN and 'we are confirming'; the resolver finds it done at Dodo", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    await t.control("POST", "/_sandbox/faults", { endpoint: "PATCH /subscriptions/{id}", lose_answer: 502, times: 1 });
    const result = await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: 1 }, deps());
    expect(result).toMatchObject({ ok: true, confirming: true, message: expect.stringMatching(/^We are confirming your pause with the payment provider/) });
    const [action] = await actionsOf(s.subscriptionId);
    expect(action).toMatchObject({ status: "UNKNOWN" });
    expect(await jobsFor("retention.resolve-action", `resolve-action:${action!.id}`)).toHaveLength(1);
    // Nothing else may be sent meanwhile.
    expect(await resume({ customerId: s.customerId, subscriptionId: s.subscriptionId }, deps())).toMatchObject({ ok: false });

    expect(await resolveAction(action!.id, deps())).toBe("done");
    expect(await db.subscriptionAction.findUnique({ where: { id: action!.id } })).toMatchObject({ status: "DONE" });
    expect(await entitlementOf(s.customerId, ladder.basic)).toMatchObject({ status: "SUSPENDED" });
    expect(await jobsFor("retention.resume-pause", `resume-pause:${s.subscriptionId}`)).toHaveLength(1);
    expect(await resolveAction(action!.id, deps())).toBe("already_settled");
  });

  it("failed before Dodo did anything (500): UNKNOWN, then NOT_APPLIED from the subscription, and the attempt is open again", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    const started = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "OTHER" }, deps());
    if (!started.ok) throw new Error(started.message);
    await t.control("POST", "/_sandbox/faults", { endpoint: "PATCH /subscriptions/{id}", error_rate: 1, times: 1 });
    expect(await cancelAnyway({ customerId: s.customerId, attemptId: started.attemptId }, deps())).toMatchObject({ ok: true, confirming: true });
    const [action] = await actionsOf(s.subscriptionId);
    expect(await resolveAction(action!.id, deps())).toBe("not_applied");
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).cancel_at_next_billing_date).toBe(false);
    expect(await db.cancelAttempt.findUnique({ where: { id: started.attemptId } })).toMatchObject({ status: "OPEN" });
    // The customer can cancel now; it goes through.
    expect(await cancelAnyway({ customerId: s.customerId, attemptId: started.attemptId }, deps())).toMatchObject({ ok: true, confirming: false });
    expect((await t.client.subscriptions.retrieve(s.subscriptionId)).cancel_at_next_billing_date).toBe(true);
  });

  it("Dodo's refusal (pausing a paused subscription) is REFUSED and says nothing changed", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    await t.client.subscriptions.update(s.subscriptionId, { status: "paused" });
    // Our mirror still says active (no webhook in this test): Dodo's answer decides.
    const result = await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: 1 }, deps());
    expect(result).toMatchObject({ ok: false, code: "inactive", message: expect.stringContaining("Nothing was changed") });
    expect(await actionsOf(s.subscriptionId)).toMatchObject([{ status: "REFUSED", errorCode: "SUBSCRIPTION_INACTIVE" }]);
  });
});

describe("in the customer's language", () => {
  const pt = () => ({ client: t.client, locale: "pt-BR" as const });
  const ptDate = /\d{1,2} de [a-zç]{3}\. de \d{4}/;

  it("words the save offer, the pause, the resume, the cancellation and its undo in Brazilian Portuguese, dates included", async () => {
    const ladder = await ladderWithOffer("UNUSED", { kind: "PAUSE", pauseCycles: 1 });
    const s = await subscribe(t, ladder.basic);
    const started = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "UNUSED" }, pt());
    if (!started.ok) throw new Error(started.message);
    expect(started.cancelTerms).toMatch(new RegExp(`^Se você cancelar, não será cobrado de novo\\. Você mantém o acesso ao plano Basic até ${ptDate.source},`));
    expect(started.offer).toMatchObject({ headline: "Que tal uma pausa: pause por mês", actionLabel: "Pausar por mês", body: expect.stringMatching(new RegExp(`^Nada é cobrado durante a pausa, e seu acesso ao plano Basic fica suspenso até a retomada em ${ptDate.source}`)) });

    const paused = await acceptPauseOffer({ customerId: s.customerId, attemptId: started.attemptId }, pt());
    expect(paused).toMatchObject({ ok: true, confirming: false, message: expect.stringMatching(new RegExp(`^Pausada: você não é cobrado e seu acesso ao plano Basic fica suspenso durante a pausa\\. Ela é retomada em ${ptDate.source}, ou quando você quiser\\.$`)) });
    expect(await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: 1 }, pt())).toMatchObject({ ok: false, message: "Só uma assinatura ativa pode ser pausada." });
    const resumed = await resume({ customerId: s.customerId, subscriptionId: s.subscriptionId }, pt());
    expect(resumed).toMatchObject({ ok: true, message: expect.stringMatching(new RegExp(`^Retomada: seu acesso ao plano Basic voltou\\. Sua próxima data de cobrança é ${ptDate.source}\\.$`)) });
    expect(await resume({ customerId: s.customerId, subscriptionId: s.subscriptionId }, pt())).toMatchObject({ ok: false, code: "nothing_to_do", message: "Sua assinatura não está pausada." });

    const again = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "OTHER" }, pt());
    if (!again.ok) throw new Error(again.message);
    const cancelled = await cancelAnyway({ customerId: s.customerId, attemptId: again.attemptId }, pt());
    expect(cancelled).toMatchObject({ ok: true, message: expect.stringMatching(new RegExp(`^Cancelada: sua assinatura termina em ${ptDate.source}\\. Você mantém o acesso ao plano Basic até lá e não será cobrado de novo\\.$`)) });
    expect(await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId }, pt())).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`^Sua assinatura já está cancelada a partir de ${ptDate.source}\\.$`)) });
    expect(await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: null }, pt())).toMatchObject({ ok: false, message: expect.stringMatching(/^Sua assinatura está programada para terminar/) });
    expect(await cancelAnyway({ customerId: s.customerId, attemptId: again.attemptId }, pt())).toMatchObject({ ok: false, message: "Este pedido de cancelamento não está mais aberto. Recarregue a página." });
    expect(await undoCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId }, pt())).toMatchObject({ ok: true, message: expect.stringMatching(new RegExp(`^Sua assinatura continua: ela é renovada em ${ptDate.source}, como antes\\.$`)) });
    expect(await undoCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId }, pt())).toMatchObject({ ok: false, message: "Sua assinatura não está programada para terminar, então não há nada a desfazer." });
    expect(await pause({ customerId: "someone-else", subscriptionId: s.subscriptionId, cycles: 1 }, pt())).toMatchObject({ ok: false, code: "not_found", message: "Esta assinatura não está disponível." });
  });

  it("words Dodo's refusal, a request still being confirmed and 'we are confirming' in Brazilian Portuguese", async () => {
    const ladder = await createLadder(t);
    const s = await subscribe(t, ladder.basic);
    await t.client.subscriptions.update(s.subscriptionId, { status: "paused" });
    expect(await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: 1 }, pt())).toMatchObject({ ok: false, code: "inactive", message: "Sua assinatura não pode ser pausada no estado atual. Nada foi alterado; recarregue a página." });
    await t.client.subscriptions.update(s.subscriptionId, { status: "active" });

    await t.control("POST", "/_sandbox/faults", { endpoint: "PATCH /subscriptions/{id}", lose_answer: 502, times: 1 });
    expect(await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: null }, pt())).toMatchObject({ ok: true, confirming: true, message: expect.stringMatching(/^Estamos confirmando sua pausa com o provedor de pagamento\./) });
    // Our mirror still says active: the pause with Dodo blocks another request.
    expect(await pause({ customerId: s.customerId, subscriptionId: s.subscriptionId, cycles: null }, pt())).toMatchObject({ ok: false, code: "busy", message: expect.stringMatching(/^Seu pedido anterior ainda está sendo confirmado/) });
  });

  it("a saved plan offer says the subscription continues, in the customer's language", async () => {
    const ladder = await ladderWithOffer("TOO_EXPENSIVE", { kind: "CHEAPER_PLAN", target: "starter" });
    const s = await subscribe(t, ladder.basic);
    const started = await startCancel({ customerId: s.customerId, subscriptionId: s.subscriptionId, reason: "TOO_EXPENSIVE" }, pt());
    if (!started.ok) throw new Error(started.message);
    expect(started.offer).toMatchObject({ headline: "Fique pagando menos: Starter por US$\u00a020,00/mês", actionLabel: "Mudar para Starter: veja o preço" });
    const preview = await previewSavePlan({ customerId: s.customerId, attemptId: started.attemptId }, pt());
    if (!preview.ok) throw new Error(preview.message);
    const confirmed = await confirmSavePlan({ customerId: s.customerId, attemptId: started.attemptId, token: preview.quote.token }, pt());
    expect(confirmed).toMatchObject({ ok: true, message: expect.stringMatching(/ Sua assinatura continua; nada foi cancelado\.$/) });
    expect((confirmed as { message: string }).message).not.toMatch(/\b(your|plan|is|the)\b/i);
  });
});
