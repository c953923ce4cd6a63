// Round trips of a one-click accept in our code (Dodo stubbed, the sync after the charge left out):
// counted at the pg driver, BEGIN/COMMIT included. The bound catches a return to one query per
// relation (Prisma includes) or to two writes for one state change.
import DodoPayments from "dodopayments";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acceptOffer } from "@/lib/checkout/one-click";
import { seedCustomer, seedImpression, uid } from "@/tests/support/seed";

const query = pg.Client.prototype.query;
afterEach(() => {
  pg.Client.prototype.query = query;
});

describe("one-click accept round trips", () => {
  it("at most 6 statements from the click to the answer (Dodo's time aside)", async () => {
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const client = {
      checkoutSessions: { create: vi.fn(async () => ({ session_id: uid("cks"), payment_id: uid("pay"), checkout_url: null })) },
      payments: { retrieve: vi.fn(async () => ({ billing: { country: "US", zipcode: "94107" } })) },
    } as unknown as DodoPayments;
    let statements = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
      statements++;
      return query.apply(this, args);
    } as typeof query;
    const result = await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client, sync: async () => {} });
    pg.Client.prototype.query = query;
    expect(result).toMatchObject({ ok: true, charge: { status: "processing" } });
    // Read the impression with the payment whose address is sent (1), claim (BEGIN, lock, the
    // guarded insert, COMMIT), record the submission with its payment's state for the view (1).
    expect(statements).toBeLessThanOrEqual(6);
  });
});
