// A change-plan call whose outcome we cannot know (Dodo's 408, a 5xx, our own timeout) is a plan
// change in state UNKNOWN that the customer is told we are confirming — never "nothing was
// changed or charged" — and that Dodo's own objects settle later, with nothing sent twice.
import http from "node:http";
import type { AddressInfo } from "node:net";
import DodoPayments from "dodopayments";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { planViews } from "@/lib/plans/plan-views";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { API_KEY, createLadder, paymentsOf, settleAndSync, startPlansSandbox, subscribe, type PlansSandbox } from "@/tests/support/plans";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

/**
 * Dodo behind a gateway that times change-plan out: that call is answered 408 without reaching
 * Dodo, every other request goes through to the sandbox.
 */
async function dodoAnswering408() {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const isChangePlan = req.method === "POST" && /^\/subscriptions\/[^/]+\/change-plan$/.test(req.url ?? "");
    const reply = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    };
    if (isChangePlan) return reply(408, JSON.stringify({ code: "REQUEST_TIMEOUT", message: "request timed out" }));
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k))) as Record<string, string>;
    const upstream = await fetch(`${t.url}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    reply(upstream.status, await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const client = new DodoPayments({ bearerToken: API_KEY, baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxRetries: 0 });
  return { client, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function quoteUpgrade(client: DodoPayments) {
  const ladder = await createLadder(t);
  const s = await subscribe(t, ladder.basic);
  const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.pro }, { client });
  if (!preview.ok) throw new Error(preview.message);
  return { ladder, s, token: preview.quote.token };
}

const changeOf = (subscriptionId: string) => db.planChange.findFirstOrThrow({ where: { subscriptionId, status: { not: "QUOTED" } }, orderBy: { createdAt: "desc" } });

function expectConfirming(result: Awaited<ReturnType<typeof confirmPlanChange>>) {
  expect(result).toMatchObject({ ok: true, status: "UNKNOWN", message: expect.stringMatching(/^We are confirming your change to Pro with the payment provider/) });
  expect(result.message).not.toMatch(/nothing was changed|not charged|did not go through/i);
}

describe("a change-plan call with an unknown outcome", () => {
  it("408: the change is UNKNOWN, the customer is told we are confirming it, and it is not sent again", async () => {
    const dodo = await dodoAnswering408();
    try {
      const { ladder, s, token } = await quoteUpgrade(dodo.client);
      expectConfirming(await confirmPlanChange({ customerId: s.customerId, token }, { client: dodo.client }));
      expect(await changeOf(s.subscriptionId)).toMatchObject({ status: "UNKNOWN", errorCode: null });

      const [view] = await planViews(s.customerId, { client: t.client });
      expect(view).toMatchObject({ confirming: { toName: "Pro" }, processing: null, notice: null });
      expect(view!.locked).toContain("confirming your previous change with the payment provider");

      // No second change while this one may have happened: not by a new quote, not by a replay.
      expect(await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId: ladder.starter }, { client: t.client })).toMatchObject({ ok: false, code: "pending_change" });
      expectConfirming(await confirmPlanChange({ customerId: s.customerId, token }, { client: t.client }));
      expect((await t.client.subscriptions.retrieve(s.subscriptionId)).product_id).toBe(ladder.basic);
    } finally {
      await dodo.close();
    }
  });

  it("our own timeout: the same, UNKNOWN and confirming", async () => {
    const { s, token } = await quoteUpgrade(t.client);
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /subscriptions/{id}/change-plan", timeout: true });
    try {
      const impatient = new DodoPayments({ bearerToken: API_KEY, baseURL: t.url, maxRetries: 0, timeout: 500 });
      expectConfirming(await confirmPlanChange({ customerId: s.customerId, token }, { client: impatient }));
      expect((await changeOf(s.subscriptionId)).status).toBe("UNKNOWN");
    } finally {
      await t.control("DELETE", "/_sandbox/faults");
    }
  });

  it("a 5xx after Dodo did apply it: UNKNOWN, then settled as APPLIED from Dodo's own payment and subscription", async () => {
    const { ladder, s, token } = await quoteUpgrade(t.client);
    const paidBefore = (await paymentsOf(t, s.subscriptionId)).length;
    // The sandbox carries the change out in full, then answers 502 instead of the result.
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /subscriptions/{id}/change-plan", lose_answer: 502, times: 1 });
    try {
      expectConfirming(await confirmPlanChange({ customerId: s.customerId, token }, { client: t.client }));
      expect((await changeOf(s.subscriptionId)).status).toBe("UNKNOWN");
    } finally {
      await t.control("DELETE", "/_sandbox/faults");
    }

    await settleAndSync(t, s.subscriptionId);
    const settled = await changeOf(s.subscriptionId);
    expect(settled).toMatchObject({ status: "APPLIED", toProductId: ladder.pro });
    expect((await t.client.payments.retrieve(settled.dodoPaymentId!)).metadata).toMatchObject({ encore_plan_change_id: settled.id });
    const [view] = await planViews(s.customerId, { client: t.client });
    expect(view).toMatchObject({ current: { name: "Pro" }, confirming: null, processing: null });
    // Sent once: one charge for the change, never a second.
    expect((await paymentsOf(t, s.subscriptionId)).length).toBe(paidBefore + 1);
  });
});
