// Child process of bench/stats.ts: times the stats page's server work (the report and the funnel
// picture, exactly what /merchant/stats awaits) against the seeded database. A separate process
// because lib/env and lib/db bind to one DATABASE_URL per process.
import { lastDays } from "@/lib/stats/range";
import { getFunnelFlow, getStatsReport } from "@/lib/stats/service";
import { db } from "@/lib/db/client";

const RUNS = Number(process.argv[2] ?? 15);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(days: number): Promise<void> {
  const range = lastDays(days);
  const page = async () => {
    const report = await getStatsReport(range);
    await getFunnelFlow("fun_bench", report);
    return report;
  };
  // The first request builds the missing daily roll-ups (a one-off after bulk-loading history).
  const coldStart = performance.now();
  const report = await page();
  console.log(`  ${String(days).padStart(3)}-day range: first request ${(performance.now() - coldStart).toFixed(0)} ms (builds missing roll-ups)`);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await page();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const t = report.totals;
  console.log(
    `  ${String(days).padStart(3)}-day range: p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms ` +
      `(${RUNS} runs; ${t.impressions.toLocaleString("en-US")} offer impressions, ${t.accepts.toLocaleString("en-US")} accepts, revenue ${t.revenue.map((r) => `${r.amount} ${r.currency}`).join(", ")} minor units)`,
  );
}

await time(30);
await time(365);
await db.$disconnect();
