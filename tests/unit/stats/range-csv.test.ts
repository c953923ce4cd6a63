import { describe, expect, it } from "vitest";
import { statsCsv } from "@/lib/stats/csv";
import { lastDays, parseRange, rangeOf } from "@/lib/stats/range";
import type { StatsLine } from "@/lib/stats/report";

describe("date range", () => {
  const now = new Date("2026-03-15T10:00:00Z");

  it("is whole UTC days, inclusive of the last day", () => {
    const r = rangeOf("2026-03-01", "2026-03-31");
    expect(r.from.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(r.days).toBe(31);
  });

  it("defaults to the last 30 days and ignores malformed input", () => {
    expect(parseRange({}, now)).toEqual(lastDays(30, now));
    expect(parseRange({ from: "2026-02-30", to: "2026-03-01" }, now)).toEqual(lastDays(30, now));
    expect(parseRange({ from: "yesterday", to: "2026-03-01" }, now).days).toBe(30);
    expect(lastDays(30, now).toDay).toBe("2026-03-15");
    expect(lastDays(30, now).fromDay).toBe("2026-02-14");
  });

  it("swaps a reversed range and caps an over-long one", () => {
    expect(parseRange({ from: "2026-03-10", to: "2026-03-01" }, now)).toMatchObject({ fromDay: "2026-03-01", toDay: "2026-03-10" });
    const long = parseRange({ from: "2000-01-01", to: "2026-01-01" }, now);
    expect(long.toDay).toBe("2026-01-01");
    expect(long.days).toBe(3 * 366);
  });
});

describe("stats CSV", () => {
  const line: StatsLine = {
    level: "offer", offerId: "off_1", offerName: '=HYPERLINK("x"), "quoted"', offerKind: "UPSELL", offerActive: true,
    variantId: null, variantLabel: null, placement: null,
    impressions: 3, accepts: 1, declines: 1, failures: 0, expiries: 1, takeRate: 1 / 3,
    revenue: [{ currency: "JPY", amount: 1500 }], refunded: [{ currency: "JPY", amount: 200 }], disputed: [], pending: [{ currency: "JPY", amount: 700 }], revenuePerImpression: [{ currency: "JPY", amount: 500 }],
    orderValue: [{ currency: "JPY", withN: 1, with: 4500, withoutN: 2, without: 3000 }], lift: [],
  };

  it("has per-currency money columns in major units and escapes text safely", () => {
    const [header, row] = statsCsv([line], ["JPY", "USD"]).trim().split("\r\n");
    expect(header).toContain("revenue_JPY,refunded_JPY,disputed_JPY,pending_JPY,revenue_per_impression_JPY,aov_with_offer_JPY,aov_without_offer_JPY");
    expect(header).toContain("revenue_USD");
    // Formula-looking text is neutralised and quotes are doubled.
    expect(row).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    expect(row).toContain(",3,1,1,0,1,0.3333,1500,200,0,700,500,4500,3000,,,,0.00,0.00,0.00,0.00,0.00,,,,,");
  });

  it("writes the lift per visit and its interval, and a negative bound as a number", () => {
    const withLift: StatsLine = {
      ...line, offerName: "-1+1", orderValue: [],
      lift: [{ currency: "JPY", holdoutVisits: 9, conversion: null, revenue: { exposed: { n: 4, mean: 375, variance: 1 }, holdout: { n: 9, mean: 0, variance: 0 }, difference: { estimate: 375.4, low: -94.5, high: 844.6 }, relative: null } }],
    };
    const [header, row] = statsCsv([withLift], ["JPY"]).trim().split("\r\n").map((r) => r.split(","));
    const column = (name: string) => row![header!.indexOf(name)];
    expect([column("lift_per_visit_JPY"), column("lift_ci_low_JPY"), column("lift_ci_high_JPY")]).toEqual(["375", "-94", "845"]);
    // Text that merely starts like a formula is still neutralised.
    expect(column("offer")).toBe("'-1+1");
  });
});
