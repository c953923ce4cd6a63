// The console's "Needs attention": unsettled charges, plan changes in flight and failed webhook
// events, each with its age and what the worker's job did about it (attempts, last result, next run).
import { describe, expect, it } from "vitest";
import { ageLabel, needsAttention } from "@/lib/attention/needs-attention";
import { recordChargeFailure, resolveChargeJobKey } from "@/lib/checkout/charge-attempt";
import { db } from "@/lib/db/client";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { customer, envelope, payment, signed } from "@/tests/support/dodo-objects";
import { seedCustomer, seedImpression, uid } from "@/tests/support/seed";

describe("needs attention", () => {
  it("lists an unknown charge with what its resolver did, and a failed event with its queued retry", async () => {
    const buyer = await seedCustomer();
    const { impression } = await seedImpression(buyer.id);
    const attempt = await db.chargeAttempt.create({ data: { impressionId: impression.id, customerId: buyer.id, amount: 1900, currency: "USD", status: "PENDING" } });
    await recordChargeFailure(attempt, { kind: "unknown", cause: "server", status: 502 }, new Date());
    // The resolver ran twice and is waiting for its next run.
    const nextRun = new Date(Date.now() + 20_000);
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 2, last_error = 'no payment for charge attempt yet', run_at = ${nextRun} WHERE key = ${resolveChargeJobKey(attempt.id)}`;

    const p = payment({ customer: customer(), product_cart: [{ product_id: uid("pdt"), quantity: 1 }] });
    const event = signed(envelope("payment.succeeded", p));
    expect((await handleDodoWebhook(event)).status).toBe(500);

    const report = await needsAttention();
    const charge = report.charges.find((c) => c.id === attempt.id);
    expect(charge).toMatchObject({
      status: "UNKNOWN", amountLabel: "$19.00", customerEmail: buyer.email, overdue: false,
      waitingOn: expect.stringMatching(/never answered/),
      job: { task: "checkout.resolve-charge", attempts: 2, maxAttempts: 25, lastError: "no payment for charge attempt yet", runAt: nextRun, gaveUp: false, running: false },
    });
    const failed = report.events.find((e) => e.id === event.id);
    expect(failed).toMatchObject({ type: "payment.succeeded", deliveries: 1, error: expect.any(String), job: { task: "webhooks.retry-failed", attempts: 0, maxAttempts: 10 } });
  });

  it("says how long things have waited", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(ageLabel(ago(20_000), now)).toBe("under a minute");
    expect(ageLabel(ago(5 * 60_000), now)).toBe("5 min");
    expect(ageLabel(ago(125 * 60_000), now)).toBe("2 h 5 min");
    expect(ageLabel(ago(3 * 86_400_000), now)).toBe("3 d");
  });
});
