// Round trips per event on the hot paths: each one costs a network round trip and, through
// Prisma, CPU in the one Node process that ingests every webhook. Counted (not timed) at the pg
// driver, so BEGIN/COMMIT and raw SQL count too; the bounds catch a regression to per-row queries.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { customer, envelope, payment, signed, subscription } from "@/tests/support/dodo-objects";
import { seedProductId } from "@/tests/support/seed";

let statements: string[] = [];
const query = pg.Client.prototype.query;
beforeEach(() => {
  statements = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const [config] = args as unknown[];
    statements.push(typeof config === "string" ? config : String((config as { text?: string }).text));
    return query.apply(this, args);
  } as typeof query;
});
afterEach(() => {
  pg.Client.prototype.query = query;
});

async function roundTrips(type: string, data: unknown): Promise<number> {
  statements = [];
  const res = await handleDodoWebhook(signed(envelope(type, data)));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return statements.length;
}

describe("round trips per event", () => {
  it("payment.succeeded for a known customer: at most 10; a new customer adds one; a duplicate is one read", async () => {
    const product = await seedProductId();
    const cus = customer();
    const first = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] });
    expect(await roundTrips("payment.succeeded", first)).toBeLessThanOrEqual(11);
    const second = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] });
    expect(await roundTrips("payment.succeeded", second)).toBeLessThanOrEqual(10);

    const req = signed(envelope("payment.succeeded", payment({ customer: cus })));
    expect((await handleDodoWebhook(req)).status).toBe(200);
    statements = [];
    expect(await handleDodoWebhook(req)).toMatchObject({ body: { outcome: "duplicate" } });
    expect(statements).toHaveLength(1);
  });

  it("subscription.* for a known subscription: at most 10", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const s = subscription({ customer: customer(), product_id: plan });
    expect(await roundTrips("subscription.active", s)).toBeLessThanOrEqual(11);
    expect(await roundTrips("subscription.on_hold", { ...s, status: "on_hold" })).toBeLessThanOrEqual(10);
  });

  it("the statement that claims the event holds the object's lock before the first effect is written", async () => {
    // The claim takes the dodo-object lock in the same statement (a round trip saved): the lock
    // must really be held by the time the effects are written, or two events of one payment interleave.
    const product = await seedProductId();
    const p = payment({ customer: customer(), product_cart: [{ product_id: product, quantity: 1 }] });
    let held = -1;
    const res = await handleDodoWebhook(signed(envelope("payment.succeeded", p)), {
      afterFirstWrite: async (tx) => {
        const [row] = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
            AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(${`dodo-object:${p.payment_id}`}, 0)`;
        held = row!.n;
      },
    });
    expect(res.status).toBe(200);
    expect(held).toBe(1);
  });
});
