import { getMerchant } from "@/lib/auth/merchant-session";
import { statsCsv } from "@/lib/stats/csv";
import { parseRange } from "@/lib/stats/range";
import { getStatsReport } from "@/lib/stats/service";

// CSV of the stats table for ?from=&to=. Route handlers cannot redirect a download sensibly, so a
// request without a merchant session gets 403.
export async function GET(request: Request): Promise<Response> {
  if (!(await getMerchant())) return Response.json({ error: "forbidden", message: "Sign in as a merchant." }, { status: 403 });
  const url = new URL(request.url);
  const range = parseRange({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  const report = await getStatsReport(range);
  return new Response(statsCsv(report.lines, report.currencies), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="encore-offer-stats_${range.fromDay}_${range.toDay}.csv"`,
      "cache-control": "no-store",
    },
  });
}
