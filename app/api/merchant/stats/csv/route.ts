import type { NextRequest } from "next/server";
import { getMerchant } from "@/lib/auth/merchant-session";
import { route } from "@/lib/http/route";
import { planChangesCsv, statsCsv } from "@/lib/stats/csv";
import { offerPurchases, purchasesCsv } from "@/lib/stats/purchases";
import { parseRange } from "@/lib/stats/range";
import { getStatsReport } from "@/lib/stats/service";

// CSV of the offer-stats table for ?from=&to= (or, with &table=plan-changes, of the plan-change tables;
// with &table=purchases, one line per accepted offer with its units and currency). Route handlers cannot redirect a download sensibly, so a
// request without a merchant session gets 403.
export const GET = route({ name: "stats csv", answers: "json" }, async (request: NextRequest) => {
  if (!(await getMerchant())) return Response.json({ error: "forbidden", message: "Sign in as a merchant." }, { status: 403 });
  const params = request.nextUrl.searchParams;
  const range = parseRange({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  const table = params.get("table");
  let body: string;
  let name: string;
  if (table === "purchases") {
    body = purchasesCsv(await offerPurchases(range));
    name = "offer-purchases";
  } else {
    const report = await getStatsReport(range);
    const planChanges = table === "plan-changes";
    body = planChanges ? planChangesCsv(report.planChanges) : statsCsv(report.lines, report.currencies);
    name = planChanges ? "plan-change-stats" : "offer-stats";
  }
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="encore-${name}_${range.fromDay}_${range.toDay}.csv"`,
      "cache-control": "no-store",
    },
  });
});
