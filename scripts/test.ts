// `npm test`: everything CI runs — typecheck, lint, unit (Vitest, real PostgreSQL) and end-to-end
// (Playwright in Chromium against the real app, sandbox and PostgreSQL). Each runner starts and
// stops what it needs. Ends with one "N passed, N failed" line over all unit and e2e tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, REPO_ROOT, run } from "./lib/database";

type Step = { name: string; run: () => Promise<void> };

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "encore-test-"));
const vitestReport = path.join(reportDir, "vitest.json");
const playwrightReport = path.join(reportDir, "playwright.json");

const steps: Step[] = [
  { name: "typecheck", run: () => run(bin("tsc"), ["--noEmit"]) },
  { name: "lint", run: () => run(bin("eslint"), ["--max-warnings", "0", "."]) },
  {
    name: "unit",
    run: async () => {
      await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
      // Vitest can exit 0 after a failed global setup; only a successful report with tests counts.
      const report = fs.existsSync(vitestReport) ? (JSON.parse(fs.readFileSync(vitestReport, "utf8")) as { success: boolean; numTotalTests: number }) : null;
      if (!report?.success || report.numTotalTests === 0) throw new Error("the unit run did not succeed (see its output above)");
    },
  },
  {
    name: "e2e",
    run: () => run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }),
  },
];

function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(vitestReport)) {
    const v = JSON.parse(fs.readFileSync(vitestReport, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests + v.numTodoTests;
  }
  if (fs.existsSync(playwrightReport)) {
    const p = JSON.parse(fs.readFileSync(playwrightReport, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    total.passed += p.stats.expected + p.stats.flaky;
    total.failed += p.stats.unexpected;
    total.skipped += p.stats.skipped;
  }
  return total;
}

const failures: string[] = [];
for (const step of steps.filter((s) => !only || s.name === only)) {
  const started = Date.now();
  console.log(`\n━━ ${step.name} ━━`);
  try {
    await step.run();
    console.log(`━━ ${step.name}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failures.push(step.name);
    console.log(`━━ ${step.name}: FAILED (${err instanceof Error ? err.message : String(err)})`);
  }
}

const total = counts();
fs.rmSync(reportDir, { recursive: true, force: true });
if (failures.length) console.log(`\nFailed steps: ${failures.join(", ")}`);
console.log(`\nTests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.chdir(REPO_ROOT);
process.exit(failures.length ? 1 : 0);
