// The stats service against real rows: every number the stats page and CSV show.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { statsCsv } from "@/lib/stats/csv";
import { rangeOf } from "@/lib/stats/range";
import { startFunnelSession } from "@/lib/offers/funnel";
import { getFunnelFlow, getStatsReport } from "@/lib/stats/service";
import { createSession, dayIn, recordImpression, seedCustomer, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

describe("stats service: buy, decline the upsell, accept the downsell, refund", () => {
  it("counts 2 impressions, 1 decline, 1 accept and net revenue, and a refund lowers it", async () => {
    const at = dayIn(2003, 3, 10);
    const range = rangeOf("2003-03-10", "2003-03-10");
    const [bigger, smaller] = [await seedProduct({ price: 5000 }), await seedProduct({ price: 2000 })];
    const upsell = await seedOffer(bigger.id, { name: "Upsell" });
    const downsell = await seedOffer(smaller.id, { name: "Downsell", kind: "DOWNSELL" });
    const { funnel, steps } = await seedFunnel([{ offers: [[upsell.id, 10_000]] }, { offers: [[downsell.id, 10_000]] }]);
    const customer = await seedCustomer();
    const session = await createSession({ customerId: customer.id, funnelId: funnel.id, orderAmount: 4900, at });
    await recordImpression({ customerId: customer.id, at, offerId: upsell.id, stepId: steps[0]!.id, variantId: steps[0]!.variants[0]!.id, sessionId: session.id, price: 5000, outcome: "DECLINED" });
    const accepted = await recordImpression({
      customerId: customer.id, at: new Date(at.getTime() + 60_000), offerId: downsell.id, stepId: steps[1]!.id, variantId: steps[1]!.variants[0]!.id,
      sessionId: session.id, price: 2000, outcome: "ACCEPTED", payment: { status: "SUCCEEDED" },
    });

    const report = await getStatsReport(range);
    const up = report.lines.find((l) => l.offerId === upsell.id && l.level === "offer")!;
    const down = report.lines.find((l) => l.offerId === downsell.id && l.level === "offer")!;
    expect(up).toMatchObject({ impressions: 1, accepts: 0, declines: 1, failures: 0, expiries: 0, takeRate: 0, revenue: [] });
    expect(down).toMatchObject({ impressions: 1, accepts: 1, declines: 0, takeRate: 1, revenue: [{ currency: "USD", amount: 2000 }], revenuePerImpression: [{ currency: "USD", amount: 2000 }] });
    expect(report.totals).toMatchObject({ impressions: 2, accepts: 1, declines: 1, takeRate: 0.5, revenue: [{ currency: "USD", amount: 2000 }] });
    // The visit took an offer: its order value is the order plus the downsell.
    expect(report.orderValue).toEqual([{ currency: "USD", withN: 1, with: 6900, withoutN: 0, without: null }]);
    expect(down.orderValue).toEqual([{ currency: "USD", withN: 1, with: 6900, withoutN: 0, without: null }]);
    expect(up.orderValue).toEqual([{ currency: "USD", withN: 0, with: null, withoutN: 1, without: 6900 }]);
    expect(report.series).toEqual([{ unit: "day", currency: "USD", points: [{ bucket: "2003-03-10", amount: 2000 }], todayBucket: null }]);

    const flow = (await getFunnelFlow(funnel.id, report))!;
    expect(flow.started).toBe(1);
    expect(flow.steps.map((s) => [s.reached, s.declined, s.accepted, s.continued, s.left])).toEqual([[1, 1, 0, 1, 0], [1, 0, 1, 0, 1]]);

    // A partial refund through Dodo: the webhook handler records it and lowers refundedAmount.
    const attempt = await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: accepted.id } });
    await db.payment.update({ where: { id: attempt.dodoPaymentId! }, data: { refundedAmount: 500, refundState: "PARTIAL" } });
    const after = await getStatsReport(range);
    expect(after.lines.find((l) => l.offerId === downsell.id && l.level === "offer")!.revenue).toEqual([{ currency: "USD", amount: 1500 }]);
    expect(after.totals.revenue).toEqual([{ currency: "USD", amount: 1500 }]);

    const csv = statsCsv(after.lines.filter((l) => [upsell.id, downsell.id].includes(l.offerId)), after.currencies).trim().split("\r\n");
    expect(csv[0]).toContain("impressions,accepts,declines,failures,expiries,take_rate,revenue_USD");
    const downRow = csv.find((r) => r.startsWith(`offer,${downsell.id}`))!.split(",");
    const header = csv[0]!.split(",");
    expect(downRow[header.indexOf("impressions")]).toBe("1");
    expect(downRow[header.indexOf("accepts")]).toBe("1");
    expect(downRow[header.indexOf("take_rate")]).toBe("1.0000");
    expect(downRow[header.indexOf("revenue_USD")]).toBe("15.00");
    expect(downRow[header.indexOf("refunded_USD")]).toBe("5.00");
    expect(downRow[header.indexOf("disputed_USD")]).toBe("0.00");

    // A dispute: open, it changes nothing; lost, its amount comes off revenue and the CSV says so.
    const dispute = await db.dispute.create({ data: { id: `dp_${accepted.id}`, paymentId: attempt.dodoPaymentId!, amount: 700, currency: "USD", status: "dispute_opened", dodoCreatedAt: at } });
    expect((await getStatsReport(range)).lines.find((l) => l.offerId === downsell.id && l.level === "offer")!.revenue).toEqual([{ currency: "USD", amount: 1500 }]);
    await db.dispute.update({ where: { id: dispute.id }, data: { status: "dispute_lost" } });
    const lost = await getStatsReport(range);
    const lostLine = lost.lines.find((l) => l.offerId === downsell.id && l.level === "offer")!;
    expect(lostLine).toMatchObject({ revenue: [{ currency: "USD", amount: 800 }], refunded: [{ currency: "USD", amount: 500 }], disputed: [{ currency: "USD", amount: 700 }] });
    const lostCsv = statsCsv([lostLine], lost.currencies).trim().split("\r\n").map((r) => r.split(","));
    expect([lostCsv[1]![lostCsv[0]!.indexOf("revenue_USD")], lostCsv[1]![lostCsv[0]!.indexOf("disputed_USD")]]).toEqual(["8.00", "7.00"]);
  });
});

describe("stats service: outcomes, currencies and the date range", () => {
  it("counts failures and expiries, keeps currencies apart and respects [from, to)", async () => {
    const product = await seedProduct({ price: 1000 });
    const offer = await seedOffer(product.id, { name: "Mixed" });
    const customer = await seedCustomer();
    const day = dayIn(2004, 7, 1, 0);
    const base = { customerId: customer.id, offerId: offer.id, price: 1000 };
    await recordImpression({ ...base, at: day, outcome: "FAILED", payment: { status: "FAILED" } });
    await recordImpression({ ...base, at: day, outcome: "EXPIRED" });
    await recordImpression({ ...base, at: day, outcome: null }); // window closed without an answer
    await recordImpression({ ...base, at: day, outcome: "ACCEPTED", payment: { status: "SUCCEEDED", amount: 1000 } });
    await recordImpression({ ...base, at: day, outcome: "ACCEPTED", currency: "EUR", payment: { status: "SUCCEEDED", amount: 900, currency: "EUR" } });
    // Accepted but the payment is still processing: an accept without revenue yet.
    await recordImpression({ ...base, at: day, outcome: "ACCEPTED" });
    // Just outside the range on both sides.
    await recordImpression({ ...base, at: new Date(day.getTime() - 1), outcome: "ACCEPTED", payment: { status: "SUCCEEDED" } });
    await recordImpression({ ...base, at: dayIn(2004, 7, 2, 0), outcome: "ACCEPTED", payment: { status: "SUCCEEDED" } });

    const report = await getStatsReport(rangeOf("2004-07-01", "2004-07-01"));
    const line = report.lines.find((l) => l.offerId === offer.id && l.level === "offer")!;
    expect(line).toMatchObject({ impressions: 6, accepts: 3, declines: 0, failures: 1, expiries: 2, takeRate: 0.5 });
    expect(line.revenue).toEqual([{ currency: "EUR", amount: 900 }, { currency: "USD", amount: 1000 }]);
    expect(line.revenuePerImpression).toEqual([{ currency: "EUR", amount: 150 }, { currency: "USD", amount: 167 }]);
    expect(report.currencies).toEqual(["EUR", "USD"]);
    const csv = statsCsv([line], report.currencies);
    expect(csv.split("\r\n")[0]).toMatch(/revenue_EUR,.*revenue_USD/);
    expect(csv).toContain(",9.00,0.00,0.00,0.00,1.50,");
    expect(csv).toContain(",10.00,0.00,0.00,0.00,1.67,");
  });

  it("measures a variant's lift against the step's holdout with a 95% interval", async () => {
    const product = await seedProduct({ price: 1000 });
    const offer = await seedOffer(product.id, { name: "Experiment" });
    const { funnel, steps } = await seedFunnel([{ offers: [[offer.id, 10_000]], holdoutBps: 5000 }]);
    const step = steps[0]!;
    const variant = step.variants[0]!;
    const at = dayIn(2005, 5, 5);
    const visit = async (kind: "accept" | "accept-refunded" | "decline" | "holdout") => {
      const customer = await seedCustomer();
      const session = await createSession({ customerId: customer.id, funnelId: funnel.id, orderAmount: 3000, at });
      if (kind === "holdout") return recordImpression({ customerId: customer.id, at, stepId: step.id, sessionId: session.id, holdout: true });
      return recordImpression({
        customerId: customer.id, at, offerId: offer.id, stepId: step.id, variantId: variant.id, sessionId: session.id,
        outcome: kind === "decline" ? "DECLINED" : "ACCEPTED",
        ...(kind === "decline" ? {} : { payment: { status: "SUCCEEDED" as const, refunded: kind === "accept-refunded" ? 500 : 0 } }),
      });
    };
    for (const kind of ["accept", "accept-refunded", "decline", "decline", "holdout", "holdout", "holdout"] as const) await visit(kind);

    const report = await getStatsReport(rangeOf("2005-05-05", "2005-05-05"));
    const line = report.lines.find((l) => l.variantId === variant.id)!;
    // Holdout visits are not offer impressions.
    expect(line).toMatchObject({ impressions: 4, accepts: 2, declines: 2, revenue: [{ currency: "USD", amount: 1500 }] });
    const lift = line.lift[0]!;
    expect(lift.holdoutVisits).toBe(3);
    // Added revenue per visit: exposed [1000, 500, 0, 0] vs holdout [0, 0, 0].
    expect(lift.revenue!.exposed.mean).toBeCloseTo(375, 6);
    expect(lift.revenue!.exposed.variance).toBeCloseTo(687500 / 3, 4);
    expect(lift.revenue!.difference.estimate).toBeCloseTo(375, 6);
    const se = Math.sqrt(687500 / 3 / 4);
    expect(lift.revenue!.difference.low).toBeCloseTo(375 - 1.959963984540054 * se, 4);
    expect(lift.revenue!.difference.high).toBeCloseTo(375 + 1.959963984540054 * se, 4);
    expect(lift.conversion!.difference.estimate).toBeCloseTo(0.5, 6);
    expect(line.orderValue).toEqual([{ currency: "USD", withN: 2, with: 3750, withoutN: 2, without: 3000 }]);
    // The offer runs in one arm only, so its line carries the same lift.
    expect(report.lines.find((l) => l.offerId === offer.id && l.level === "offer")!.lift).toEqual(line.lift);
    expect(report.orderValue).toEqual([{ currency: "USD", withN: 2, with: 3750, withoutN: 5, without: 3000 }]);
    const flow = (await getFunnelFlow(funnel.id, report))!;
    expect(flow.steps[0]).toMatchObject({ reached: 7, holdout: 3, accepted: 2, declined: 2, left: 7 });

    // The CSV carries the same lift, per visit and its interval, in major units (cents rounded).
    const [header, row] = statsCsv([line], report.currencies).trim().split("\r\n").map((r) => r.split(","));
    const column = (name: string) => row![header!.indexOf(name)];
    expect([column("lift_per_visit_USD"), column("lift_ci_low_USD"), column("lift_ci_high_USD")]).toEqual([
      "3.75", (Math.round(375 - 1.959963984540054 * se) / 100).toFixed(2), (Math.round(375 + 1.959963984540054 * se) / 100).toFixed(2),
    ]);
    expect(column("lift_ci_low_USD")).toBe("-0.94");
    expect(column("lift_ci_high_USD")).toBe("8.44");
  });
});

describe("stats service: the offers listed", () => {
  it("lists active offers at zero, leaves out inactive ones without impressions, by name, with their variants' placement", async () => {
    const product = await seedProduct({ price: 1000 });
    const [shown, idle, retired] = [await seedOffer(product.id, { name: "B shown" }), await seedOffer(product.id, { name: "A idle" }), await seedOffer(product.id, { name: "C retired" })];
    await db.offer.update({ where: { id: retired.id }, data: { active: false } });
    const { funnel, steps } = await seedFunnel([{ offers: [[shown.id, 10_000]] }]);
    const customer = await seedCustomer();
    await recordImpression({ customerId: customer.id, at: dayIn(2006, 8, 8), offerId: shown.id, stepId: steps[0]!.id, variantId: steps[0]!.variants[0]!.id, outcome: "DECLINED" });

    const report = await getStatsReport(rangeOf("2006-08-08", "2006-08-08"));
    const mine = report.lines.filter((l) => [shown.id, idle.id, retired.id].includes(l.offerId));
    expect(mine.map((l) => [l.offerName, l.level, l.impressions])).toEqual([[idle.name, "offer", 0], [shown.name, "offer", 1], [shown.name, "variant", 1]]);
    const funnelName = (await db.funnel.findUniqueOrThrow({ where: { id: funnel.id } })).name;
    expect(mine[2]).toMatchObject({ variantLabel: "A", placement: `${funnelName} › Step 1`, offerKind: "UPSELL", offerActive: true });
  });
});

describe("seeded funnels (tests/support/seed.ts)", () => {
  it("take no other test file's purchase: their offers are triggered by a product nobody buys", async () => {
    const product = await seedProduct({ price: 1000 });
    const { funnel } = await seedFunnel([{ offers: [[(await seedOffer(product.id)).id, 10_000]] }]);
    const customer = await seedCustomer();
    // Someone else's purchase, of any product (here: even the offered one).
    const sessionId = await startFunnelSession({ customerId: customer.id, paymentId: `pay_${customer.id}`, subscriptionId: null, productIds: [product.id, "pdt_anything"], orderAmount: 1000, currency: "USD" });
    const session = sessionId ? await db.funnelSession.findUniqueOrThrow({ where: { id: sessionId } }) : null;
    expect(session?.funnelId).not.toBe(funnel.id);
  });
});
