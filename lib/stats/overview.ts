import "server-only";
import { db } from "@/lib/db/client";
import { lastDays } from "./range";
import { getStatsReport } from "./service";

/** The console's landing numbers: setup progress and the last 30 days' results. */
export async function getOverview() {
  const range = lastDays(30);
  const [products, activeOffers, offers, activeFunnels, funnelsWithSteps, report] = await Promise.all([
    db.product.count({ where: { archived: false } }),
    db.offer.count({ where: { active: true } }),
    db.offer.count(),
    db.funnel.count({ where: { active: true } }),
    db.funnel.count({ where: { active: true, entryStepId: { not: null } } }),
    getStatsReport(range),
  ]);
  return {
    range,
    setup: { products, offers, activeOffers, activeFunnels, funnelsWithSteps },
    totals: report.totals,
    orderValue: report.orderValue,
    topOffers: report.lines
      .filter((l) => l.level === "offer" && l.impressions > 0)
      .sort((a, b) => b.accepts - a.accepts)
      .slice(0, 5),
  };
}
