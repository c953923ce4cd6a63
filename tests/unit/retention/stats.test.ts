// The retention section from real tables: which attempts count as saves (their pause or plan
// change went through), revenue kept in the 30 and 90 days after (net of refunds), holdout vs
// offered groups, reasons per day; and the save-offer writer's checks.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CancelReason } from "@/lib/generated/prisma/enums";
import { saveSaveOffer } from "@/lib/retention/save-offers";
import { getRetentionReport, reasonLabel } from "@/lib/retention/stats";
import { retentionCsv } from "@/lib/retention/stats-csv";
import { rangeOf } from "@/lib/stats/range";
import { seedCustomer, seedProduct, uid } from "@/tests/support/seed";
import { worded } from "@/tests/support/words";

const day = (d: number, h = 12) => new Date(Date.UTC(2031, 5, d, h));

async function subscription(productId: string) {
  const customer = await seedCustomer();
  const sub = await db.subscription.create({
    data: { id: uid("sub"), customerId: customer.id, productId, quantity: 1, status: "ACTIVE", recurringAmount: 3000, currency: "USD", nextBillingDate: day(30), previousBillingDate: day(1), sourceUpdatedAt: day(1), dodoCreatedAt: day(1) },
  });
  return { customerId: customer.id, subscriptionId: sub.id };
}

async function pay(subscriptionId: string, customerId: string, at: Date, amount: number, refunded = 0) {
  await db.payment.create({ data: { id: uid("pay"), customerId, subscriptionId, status: "SUCCEEDED", totalAmount: amount, refundedAmount: refunded, currency: "USD", dodoCreatedAt: at, sourceUpdatedAt: at } });
}

describe("the retention report from the database", () => {
  it("counts only saves whose pause went through, revenue kept over 30 and 90 days net of refunds, and the holdout apart", async () => {
    const ladder = await db.planLadder.create({ data: { name: uid("ladder") } });
    const plan = await seedProduct({ kind: "SUBSCRIPTION", ladderId: ladder.id, planRank: 1, price: 3000 });
    const offer = await db.saveOffer.create({ data: { ladderId: ladder.id, reason: "UNUSED", kind: "PAUSE", pauseCycles: 1 } });
    const attempt = async (opts: { holdout?: boolean; status: "OPEN" | "SAVED" | "CANCELLED" | "KEPT"; action?: "DONE" | "NOT_APPLIED"; reason?: CancelReason; at?: Date; offered?: boolean }) => {
      const s = await subscription(plan.id);
      const at = opts.at ?? day(2);
      const action = opts.action ? await db.subscriptionAction.create({ data: { subscriptionId: s.subscriptionId, kind: "PAUSE", status: opts.action } }) : null;
      await db.cancelAttempt.create({
        data: { subscriptionId: s.subscriptionId, customerId: s.customerId, ladderId: ladder.id, reason: opts.reason ?? "UNUSED", holdout: opts.holdout ?? false, saveOfferId: opts.offered === false ? null : offer.id, offerKind: opts.offered === false ? null : "PAUSE", status: opts.status, actionId: action?.id ?? null, recurringAmount: 3000, currency: "USD", startedAt: at },
      });
      return { ...s, at };
    };
    const saved = await attempt({ status: "SAVED", action: "DONE" });
    await pay(saved.subscriptionId, saved.customerId, day(1), 9999); // before the attempt: not kept revenue
    await pay(saved.subscriptionId, saved.customerId, day(20), 3000, 500); // within 30 days, partly refunded
    await pay(saved.subscriptionId, saved.customerId, new Date(day(2).getTime() + 60 * 86_400_000), 3000); // within 90 days
    await attempt({ status: "SAVED", action: "NOT_APPLIED" }); // the pause did not happen: no save
    await attempt({ status: "CANCELLED" });
    const heldKept = await attempt({ holdout: true, status: "KEPT", reason: "TOO_EXPENSIVE", at: day(3) });
    await pay(heldKept.subscriptionId, heldKept.customerId, day(10), 3000);
    await attempt({ holdout: true, status: "CANCELLED", at: day(3) });
    await attempt({ holdout: true, status: "CANCELLED", at: day(3) });
    await attempt({ status: "CANCELLED", offered: false, reason: "OTHER", at: day(3) });

    const report = await getRetentionReport(rangeOf("2031-06-01", "2031-06-07"));
    expect(report).toMatchObject({ attempts: 7, saves: 1, cancels: 4 });
    expect(report.revenueKept).toEqual([{ currency: "USD", days30: 2500, days90: 5500 }]);
    expect(report.offers).toEqual([expect.objectContaining({ id: offer.id, ladderName: ladder.name, label: "A pause (1 cycle)", shown: 3, saves: 1, revenueKept30: 2500, revenueKept90: 5500 })]);
    const [lift] = report.lift;
    // Offered: 3 attempts, 2 not cancelled; holdout: 3 attempts, 1 not cancelled.
    expect(lift).toMatchObject({ currency: "USD", offeredN: 3, holdoutN: 3 });
    expect(lift!.retention!.difference.estimate).toBeCloseTo(2 / 3 - 1 / 3, 10);
    expect(lift!.revenue30!.difference.estimate).toBeCloseTo(2500 / 3 - 3000 / 3, 6);
    expect(report.reasons.rows).toEqual([
      { reason: "OTHER", total: 1, perDay: [0, 0, 1, 0, 0, 0, 0] },
      { reason: "TOO_EXPENSIVE", total: 1, perDay: [0, 0, 1, 0, 0, 0, 0] },
      { reason: "UNUSED", total: 5, perDay: [0, 3, 2, 0, 0, 0, 0] },
    ]);
  });
});

describe("discounted-plan saves", () => {
  it("count like the other plan offers (their plan change went through), named with plan, percentage and cycles, in the CSV too", async () => {
    const ladder = await db.planLadder.create({ data: { name: uid("ladder") } });
    const basic = await seedProduct({ kind: "SUBSCRIPTION", ladderId: ladder.id, planRank: 1, price: 3000, name: "Basic" });
    const onOther = await db.saveOffer.create({ data: { ladderId: ladder.id, reason: "TOO_EXPENSIVE", kind: "DISCOUNTED_PLAN", targetProductId: basic.id, discountBps: 5000, discountCycles: 2 } });
    const onOwn = await db.saveOffer.create({ data: { ladderId: ladder.id, reason: "UNUSED", kind: "DISCOUNTED_PLAN", discountBps: 2000, discountCycles: 1 } });
    const attempt = async (offerId: string, change: "APPLIED" | "FAILED") => {
      const s = await subscription(basic.id);
      const pc = await db.planChange.create({ data: { subscriptionId: s.subscriptionId, fromProductId: basic.id, toProductId: basic.id, prorationMode: "PRORATED_IMMEDIATELY", effectiveAt: "IMMEDIATELY", onPaymentFailure: "PREVENT_CHANGE", quotedAmount: 0, quotedCredits: 0, currency: "USD", status: change } });
      await db.cancelAttempt.create({ data: { subscriptionId: s.subscriptionId, customerId: s.customerId, ladderId: ladder.id, reason: offerId === onOther.id ? "TOO_EXPENSIVE" : "UNUSED", saveOfferId: offerId, offerKind: "DISCOUNTED_PLAN", status: "SAVED", planChangeId: pc.id, recurringAmount: 3000, currency: "USD", startedAt: day(12) } });
    };
    await attempt(onOther.id, "APPLIED");
    await attempt(onOther.id, "FAILED"); // Dodo refused the change: no save
    await attempt(onOwn.id, "APPLIED");
    const report = await getRetentionReport(rangeOf("2031-06-12", "2031-06-12"));
    const rows = report.offers.filter((o) => o.ladderName === ladder.name).map((o) => [o.label, o.shown, o.saves]);
    expect(rows).toEqual([
      ["A discounted plan: Basic, 50% off for 2 cycles", 2, 1],
      ["A discounted plan: the current plan, 20% off for 1 cycle", 1, 1],
    ]);
    const csv = retentionCsv(report, reasonLabel);
    expect(csv).toContain(`"A discounted plan: Basic, 50% off for 2 cycles"`);
  });
});

describe("save-offer writer", () => {
  async function ladderOf() {
    const ladder = await db.planLadder.create({ data: { name: uid("ladder") } });
    const starter = await seedProduct({ kind: "SUBSCRIPTION", ladderId: ladder.id, planRank: 1, price: 2000 });
    const pro = await seedProduct({ kind: "SUBSCRIPTION", ladderId: ladder.id, planRank: 2, price: 8000 });
    const outside = await seedProduct({ kind: "SUBSCRIPTION", price: 1000 });
    return { ladder, starter, pro, outside };
  }

  it("stores one offer per ladder and reason, replaces it, and removes it with 'no offer'", async () => {
    const { ladder, starter } = await ladderOf();
    expect(await saveSaveOffer(ladder.id, { reason: "TOO_EXPENSIVE", kind: "CHEAPER_PLAN", targetProductId: starter.id, pauseCycles: "", headline: "" })).toEqual({ ok: true, removed: false });
    expect(await saveSaveOffer(ladder.id, { reason: "TOO_EXPENSIVE", kind: "PAUSE", targetProductId: starter.id, pauseCycles: "2", headline: " Take a break " })).toEqual({ ok: true, removed: false });
    expect(await db.saveOffer.findMany({ where: { ladderId: ladder.id } })).toMatchObject([{ reason: "TOO_EXPENSIVE", kind: "PAUSE", pauseCycles: 2, targetProductId: null, headline: "Take a break" }]);
    expect(await saveSaveOffer(ladder.id, { reason: "TOO_EXPENSIVE", kind: "", targetProductId: "", pauseCycles: "", headline: "" })).toEqual({ ok: true, removed: true });
    expect(await db.saveOffer.count({ where: { ladderId: ladder.id } })).toBe(0);
  });

  it("refuses a plan outside the ladder, the top plan as the cheaper one, a pause without a length, and an interval switch with no other interval", async () => {
    const { ladder, pro, outside } = await ladderOf();
    const field = async (input: Record<string, string>, name: string) => {
      const result = await saveSaveOffer(ladder.id, { pauseCycles: "", headline: "", targetProductId: "", ...input });
      return !result.ok ? worded(result.fieldErrors?.[name]?.[0]) : "saved";
    };
    expect(await field({ reason: "UNUSED", kind: "CHEAPER_PLAN", targetProductId: outside.id }, "targetProductId")).toBe("Choose a plan ranked in this ladder");
    expect(await field({ reason: "UNUSED", kind: "CHEAPER_PLAN", targetProductId: pro.id }, "targetProductId")).toBe("The top plan of the ladder cannot be the cheaper plan");
    expect(await field({ reason: "UNUSED", kind: "PAUSE" }, "pauseCycles")).toBe("Say how many billing cycles the pause lasts");
    expect(await field({ reason: "UNUSED", kind: "PAUSE", pauseCycles: "13" }, "pauseCycles")).toBe("Pause for at most 12 cycles");
    expect(await field({ reason: "UNUSED", kind: "INTERVAL_SWITCH", targetProductId: pro.id }, "targetProductId")).toBe("No plan in this ladder bills on another interval than this one");
    expect(await db.saveOffer.count({ where: { ladderId: ladder.id } })).toBe(0);
  });
});
