// Plan-change stats: what the quote records (ladder, direction, origin, MRR change), the SQL
// aggregates by ladder / origin / direction with their money, the daily roll-ups and the report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { monthlyAmount, mrrChange } from "@/lib/plans/ladder";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { planChangesCsv } from "@/lib/stats/csv";
import { planChangeReport } from "@/lib/stats/plan-changes";
import type { PlanChangeRow } from "@/lib/stats/queries";
import { lastDays, rangeOf } from "@/lib/stats/range";
import { liveSlice, rangeSlice } from "@/lib/stats/rollup";
import { getStatsReport } from "@/lib/stats/service";
import { createLadder, moveIntoPeriod, settleAndSync, startPlansSandbox, subscribe, type PlansSandbox } from "@/tests/support/plans";
import { dayIn, seedCustomer, seedProduct } from "@/tests/support/seed";

let t: PlansSandbox;
beforeAll(async () => {
  t = await startPlansSandbox();
});
afterAll(() => t.close());

async function change(s: { customerId: string; subscriptionId: string }, productId: string, origin?: "PLAN_PAGE" | "UPGRADE_OFFER") {
  const preview = await previewPlanChange({ customerId: s.customerId, subscriptionId: s.subscriptionId, productId, origin }, { client: t.client });
  if (!preview.ok) throw new Error(`preview refused: ${preview.code}`);
  const confirmed = await confirmPlanChange({ customerId: s.customerId, token: preview.quote.token }, { client: t.client });
  if (!confirmed.ok) throw new Error(`confirm refused: ${confirmed.code}`);
  await settleAndSync(t, s.subscriptionId);
  return db.planChange.findFirstOrThrow({ where: { subscriptionId: s.subscriptionId }, orderBy: { createdAt: "desc" } });
}

describe("monthly recurring revenue", () => {
  it("states every interval per month", () => {
    expect(monthlyAmount({ amount: 30000, interval: "YEAR", intervalCount: 1 })).toBe(2500);
    expect(monthlyAmount({ amount: 1200, interval: "WEEK", intervalCount: 2 })).toBeCloseTo(2600, 6);
    expect(mrrChange({ amount: 3000, interval: "MONTH", intervalCount: 1 }, { amount: 30000, interval: "YEAR", intervalCount: 1 })).toBe(-500);
  });
});

describe("plan-change stats from real quotes and confirms", () => {
  it("count an applied upgrade from an upgrade offer and a scheduled downgrade from the plan page, with money charged and MRR change", async () => {
    const ladder = await createLadder(t, { upgradeProration: "DIFFERENCE_IMMEDIATELY", downgradeTiming: "NEXT_BILLING_DATE" });
    const up = await subscribe(t, ladder.basic);
    await moveIntoPeriod(t, up.subscriptionId, 0.5);
    const upgrade = await change(up, ladder.pro, "UPGRADE_OFFER");
    expect(upgrade).toMatchObject({ status: "APPLIED", ladderId: ladder.ladder.id, direction: "UPGRADE", origin: "UPGRADE_OFFER", mrrDeltaAmount: 5000 });
    const down = await subscribe(t, ladder.basic);
    const downgrade = await change(down, ladder.starter);
    expect(downgrade).toMatchObject({ status: "SCHEDULED", direction: "DOWNGRADE", origin: "PLAN_PAGE", mrrDeltaAmount: -1000 });
    // Monthly → yearly: $300/year is $25/month, $5 less than Basic's $30.
    const yearly = await change(await subscribe(t, ladder.basic), ladder.basicYearly);
    expect(yearly).toMatchObject({ direction: "UPGRADE", mrrDeltaAmount: -500 });
    const charged = await db.payment.findUniqueOrThrow({ where: { id: upgrade.dodoPaymentId! } });

    const report = await getStatsReport(lastDays(1));
    const mine = report.slice.planChanges.filter((r) => r.ladderId === ladder.ladder.id);
    const row = (origin: string, direction: string) => mine.find((r) => r.origin === origin && r.direction === direction);
    expect(row("UPGRADE_OFFER", "UPGRADE")).toMatchObject({ sent: 1, applied: 1, scheduled: 0, chargedNow: charged.totalAmount, mrrApplied: 5000, mrrScheduled: 0 });
    expect(row("PLAN_PAGE", "DOWNGRADE")).toMatchObject({ sent: 1, applied: 0, scheduled: 1, chargedNow: 0, mrrApplied: 0, mrrScheduled: -1000 });
    expect(row("PLAN_PAGE", "UPGRADE")).toMatchObject({ sent: 1, mrrApplied: yearly.status === "APPLIED" ? -500 : 0 });
    const lines = report.planChanges.byLadder.filter((l) => l.group === ladder.ladder.id);
    expect(lines.map((l) => [l.groupLabel, l.direction, l.sent])).toEqual([[ladder.ladder.name, "UPGRADE", 2], [ladder.ladder.name, "DOWNGRADE", 1]]);
  });
});

describe("plan-change roll-ups", () => {
  it("store closed days equal to the live numbers and recompute a day when a change settles late", async () => {
    const [from, to] = [await seedProduct({ kind: "SUBSCRIPTION", price: 3000 }), await seedProduct({ kind: "SUBSCRIPTION", price: 8000 })];
    const ladder = await db.planLadder.create({ data: { name: `rollup-ladder-${from.id}` } });
    const customer = await seedCustomer();
    const at = dayIn(2016, 8, 9);
    const sub = await db.subscription.create({
      data: { id: `sub_${from.id}`, customerId: customer.id, productId: from.id, quantity: 1, status: "ACTIVE", recurringAmount: 3000, currency: "USD", nextBillingDate: at, previousBillingDate: at, sourceUpdatedAt: at, dodoCreatedAt: at },
    });
    const base = { subscriptionId: sub.id, fromProductId: from.id, toProductId: to.id, prorationMode: "DIFFERENCE_IMMEDIATELY" as const, effectiveAt: "IMMEDIATELY" as const, onPaymentFailure: "PREVENT_CHANGE" as const, quotedAmount: 5000, quotedCredits: 0, currency: "USD", ladderId: ladder.id, direction: "UPGRADE" as const, mrrDeltaAmount: 5000, submittedAt: at };
    const pending = await db.planChange.create({ data: { ...base, status: "UNKNOWN" } });
    await db.planChange.create({ data: { ...base, status: "FAILED", submittedAt: new Date(at.getTime() + 60_000) } });
    const range = rangeOf("2016-08-09", "2016-08-09");
    const mine = async () => (await rangeSlice(range.from, range.to)).planChanges.filter((r) => r.ladderId === ladder.id);
    expect(await mine()).toEqual([expect.objectContaining({ sent: 2, awaiting: 1, failed: 1, applied: 0, mrrApplied: 0 })]);
    expect(await db.statsDay.count({ where: { day: range.from } })).toBe(1);

    // Dodo's answer arrives later: the change applied and its payment succeeded.
    const pay = await db.payment.create({ data: { id: `pay_${pending.id}`, customerId: customer.id, status: "SUCCEEDED", totalAmount: 5000, currency: "USD", dodoCreatedAt: at, sourceUpdatedAt: at } });
    await db.planChange.update({ where: { id: pending.id }, data: { status: "APPLIED", dodoPaymentId: pay.id } });
    expect(await db.statsDirtyDay.count({ where: { day: range.from } })).toBe(1);
    const after = await mine();
    expect(after).toEqual([expect.objectContaining({ sent: 2, awaiting: 0, applied: 1, failed: 1, chargedNow: 5000, mrrApplied: 5000 })]);
    expect(after).toEqual((await liveSlice(range.from, range.to)).planChanges.filter((r) => r.ladderId === ladder.id));

    // A refund of the change's payment reaches the stored day through the payment trigger.
    await db.payment.update({ where: { id: pay.id }, data: { refundedAmount: 2000, refundState: "PARTIAL" } });
    expect((await mine())[0]).toMatchObject({ chargedNow: 3000 });
  });
});

describe("plan-change report", () => {
  const row = (r: Partial<PlanChangeRow>): PlanChangeRow => ({
    ladderId: "lad_a", origin: "PLAN_PAGE", direction: "UPGRADE", currency: "USD",
    sent: 1, applied: 1, scheduled: 0, failed: 0, awaiting: 0, kept: 0, chargedNow: 0, mrrApplied: 0, mrrScheduled: 0, ...r,
  });

  it("groups by ladder and by origin, upgrades before downgrades, and totals per currency", () => {
    const rows = [
      row({ origin: "UPGRADE_OFFER", chargedNow: 5000, mrrApplied: 5000 }),
      row({ chargedNow: 1000, mrrApplied: 2000 }),
      row({ direction: "DOWNGRADE", applied: 0, scheduled: 1, mrrScheduled: -1000 }),
      row({ ladderId: "lad_b", applied: 0, failed: 1 }),
      row({ ladderId: "lad_gone", currency: "EUR", chargedNow: 900, mrrApplied: 900 }),
    ];
    const report = planChangeReport(rows, new Map([["lad_a", "Alpha plans"], ["lad_b", "Beta plans"]]));
    expect(report.byLadder.map((l) => [l.groupLabel, l.direction, l.currency, l.sent, l.applied, l.chargedNow, l.mrrApplied, l.mrrScheduled])).toEqual([
      ["Alpha plans", "UPGRADE", "USD", 2, 2, 6000, 7000, 0],
      ["Alpha plans", "DOWNGRADE", "USD", 1, 0, 0, 0, -1000],
      ["Beta plans", "UPGRADE", "USD", 1, 0, 0, 0, 0],
      ["Deleted ladder", "UPGRADE", "EUR", 1, 1, 900, 900, 0],
    ]);
    expect(report.byOrigin.map((l) => [l.groupLabel, l.direction, l.currency, l.sent])).toEqual([
      ["Plan page", "UPGRADE", "EUR", 1],
      ["Plan page", "UPGRADE", "USD", 2],
      ["Plan page", "DOWNGRADE", "USD", 1],
      ["Upgrade offer", "UPGRADE", "USD", 1],
    ]);
    expect(report.totals).toEqual([
      expect.objectContaining({ currency: "EUR", sent: 1, upgrades: 1, downgrades: 0, chargedNow: 900 }),
      expect.objectContaining({ currency: "USD", sent: 4, upgrades: 2, downgrades: 1, failed: 1, chargedNow: 6000, mrrApplied: 7000, mrrScheduled: -1000 }),
    ]);
    const csv = planChangesCsv(report).trim().split("\r\n");
    expect(csv[0]).toBe("breakdown,group,direction,currency,sent,applied,scheduled,failed,awaiting_dodo,kept_plan,charged_now,mrr_change_applied,mrr_change_scheduled");
    expect(csv[1]).toBe("ladder,Alpha plans,Upgrade,USD,2,2,0,0,0,0,60.00,70.00,0.00");
    expect(csv).toContain("origin,Upgrade offer,Upgrade,USD,1,1,0,0,0,0,50.00,50.00,0.00");
    expect(csv[2]).toBe("ladder,Alpha plans,Downgrade,USD,1,0,1,0,0,0,0.00,0.00,-10.00");
  });
});
