// One line per target: the figure, its reference measured in the same run, the target and
// PASS/MISS. Benchmarks that run in a child process report the same way; `npm run bench`
// (scripts/bench.ts) collects every row through ENCORE_BENCH_ROWS and prints them again at the end.
import fs from "node:fs";
import os from "node:os";

export type Row = { what: string; figure: string; reference: string; target: string; pass: boolean; load: string };

/** The 1-minute load average, printed with each row: the figures are load-sensitive. */
export const loadNow = () => os.loadavg()[0]!.toFixed(1);

export function formatRow(row: Row): string {
  return `  [${row.pass ? "PASS" : "MISS"}] ${row.what}: ${row.figure}\n         reference (same run): ${row.reference}\n         target: ${row.target}   (load ${row.load})`;
}

export function report(row: Omit<Row, "load">): void {
  const full = { ...row, load: loadNow() };
  console.log(formatRow(full));
  const file = process.env.ENCORE_BENCH_ROWS;
  if (file) fs.appendFileSync(file, `${JSON.stringify(full)}\n`);
}

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
