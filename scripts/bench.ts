// `npm run bench`: runs every benchmark in bench/ one after another and prints its figures, then
// every target's row again (figure, reference measured in the same run, target, PASS/MISS).
// Benchmarks hold our speed and memory targets; unit tests never time anything.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatRow, type Row } from "../bench/_report";
import { REPO_ROOT } from "./lib/database";

const dir = path.join(REPO_ROOT, "bench");
const filter = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.startsWith("_") && (!filter || f.includes(filter))).sort();
// Benchmarks in child processes report their rows here too (bench/_report.ts).
const rowsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encore-bench-rows-")), "rows.jsonl");
process.env.ENCORE_BENCH_ROWS = rowsFile;
fs.writeFileSync(rowsFile, "");
for (const file of files) {
  console.log(`\n━━ bench/${file} ━━`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<void> };
  await mod.run();
}
const rows = fs.readFileSync(rowsFile, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row);
fs.rmSync(path.dirname(rowsFile), { recursive: true, force: true });
if (rows.length) {
  console.log(`\n━━ targets (${rows.filter((r) => r.pass).length} of ${rows.length} met) ━━`);
  for (const row of rows) console.log(formatRow(row));
}
process.exit(0);
