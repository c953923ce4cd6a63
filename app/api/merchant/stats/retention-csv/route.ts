import { getMerchant } from "@/lib/auth/merchant-session";
import { getRetentionReport, reasonLabel } from "@/lib/retention/stats";
import { retentionCsv } from "@/lib/retention/stats-csv";
import { parseRange } from "@/lib/stats/range";

// CSV of the stats page's retention section for ?from=&to=; 403 without a merchant session.
export async function GET(request: Request): Promise<Response> {
  if (!(await getMerchant())) return Response.json({ error: "forbidden", message: "Sign in as a merchant." }, { status: 403 });
  const url = new URL(request.url);
  const range = parseRange({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  const report = await getRetentionReport(range);
  return new Response(retentionCsv(report, reasonLabel), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="encore-retention_${range.fromDay}_${range.toDay}.csv"`,
      "cache-control": "no-store",
    },
  });
}
