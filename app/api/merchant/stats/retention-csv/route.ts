import type { NextRequest } from "next/server";
import { getMerchant } from "@/lib/auth/merchant-session";
import { route } from "@/lib/http/route";
import { getRetentionReport, reasonLabel } from "@/lib/retention/stats";
import { retentionCsv } from "@/lib/retention/stats-csv";
import { parseRange } from "@/lib/stats/range";

// CSV of the stats page's retention section for ?from=&to=; 403 without a merchant session.
export const GET = route({ name: "retention csv", answers: "json" }, async (request: NextRequest) => {
  if (!(await getMerchant())) return Response.json({ error: "forbidden", message: "Sign in as a merchant." }, { status: 403 });
  const params = request.nextUrl.searchParams;
  const range = parseRange({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  const report = await getRetentionReport(range);
  return new Response(retentionCsv(report, reasonLabel), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="encore-retention_${range.fromDay}_${range.toDay}.csv"`,
      "cache-control": "no-store",
    },
  });
});
