// `npm run bench [name]`: runs every benchmark in bench/ (or those whose file name contains
// `name`) one after another, each in a process of its own, and prints its figures, then every
// target's row again (figure, reference measured in the same run, target, PASS/MISS).
// Benchmarks hold our speed and memory targets; unit tests never time anything.
// Why a process each: lib/env and lib/db bind to the first configuration they read, and a bench
// that starts a stack points process.env at it (DATABASE_URL, E2E_DIST_DIR): the next bench in the
// same process would use the previous one's stopped database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatRow, type Row } from "../bench/_report";
import { bin, REPO_ROOT, run } from "./lib/database";

const dir = path.join(REPO_ROOT, "bench");
const ONE = "ENCORE_BENCH_FILE";

if (process.env[ONE]) {
  const mod = (await import(pathToFileURL(path.join(dir, process.env[ONE])).href)) as { run: () => Promise<void> };
  await mod.run();
  process.exit(0);
}

const filter = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.startsWith("_")).sort();
if (filter === "--help" || filter === "-h") {
  console.log(`usage: npm run bench [name]   runs bench/<file>.ts for every file whose name contains name (all when absent)\n  benches: ${files.map((f) => f.replace(/\.ts$/, "")).join(", ")}`);
  process.exit(0);
}
const chosen = files.filter((f) => !filter || f.includes(filter));
// Benchmarks (and their own child processes) report their rows here (bench/_report.ts).
const rowsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encore-bench-rows-")), "rows.jsonl");
fs.writeFileSync(rowsFile, "");
const failed: string[] = [];
for (const file of chosen) {
  console.log(`\n━━ bench/${file} ━━`);
  try {
    await run(bin("tsx"), ["--conditions=react-server", import.meta.filename], { [ONE]: file, ENCORE_BENCH_ROWS: rowsFile });
  } catch (err) {
    failed.push(file);
    console.error(`bench/${file} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
const rows = fs.readFileSync(rowsFile, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row);
fs.rmSync(path.dirname(rowsFile), { recursive: true, force: true });
if (rows.length) {
  console.log(`\n━━ targets (${rows.filter((r) => r.pass).length} of ${rows.length} met) ━━`);
  for (const row of rows) console.log(formatRow(row));
}
if (failed.length) console.log(`\nfailed to run: ${failed.map((f) => `bench/${f}`).join(", ")}`);
process.exit(failed.length ? 1 : 0);
