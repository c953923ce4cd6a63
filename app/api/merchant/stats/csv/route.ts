import type { NextRequest } from "next/server";
import { getMerchant } from "@/lib/auth/merchant-session";
import { route } from "@/lib/http/route";
import { statsCsv } from "@/lib/stats/csv";
import { parseRange } from "@/lib/stats/range";
import { getStatsReport } from "@/lib/stats/service";

// CSV of the stats table for ?from=&to=. Route handlers cannot redirect a download sensibly, so a
// request without a merchant session gets 403.
export const GET = route({ name: "stats csv", answers: "json" }, async (request: NextRequest) => {
  if (!(await getMerchant())) return Response.json({ error: "forbidden", message: "Sign in as a merchant." }, { status: 403 });
  const params = request.nextUrl.searchParams;
  const range = parseRange({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  const report = await getStatsReport(range);
  return new Response(statsCsv(report.lines, report.currencies), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="encore-offer-stats_${range.fromDay}_${range.toDay}.csv"`,
      "cache-control": "no-store",
    },
  });
});
