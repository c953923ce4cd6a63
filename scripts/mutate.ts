// `npm run test:mutate [-- <id>…] [--check]`: breaks each critical line listed in scripts/mutations.ts, one
// mutation at a time, in a scratch copy of the working tree (never the tree itself), runs the tests
// named for it and reports every mutation no test catches. Exits 1 unless all are caught.
// `--check` only verifies that every mutation's snippet is found exactly once. Not part of CI
// (a few minutes). Why not StrykerJS: see the README's "Test it" section.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./lib/database";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { MUTATIONS, type Mutation } from "./mutations";

/** Where mutations may be anchored: the product's code, not its generated client or its tests. */
const SOURCE_ROOTS = ["lib", "app", "components"];
const SKIP_DIRS = new Set(["generated", "node_modules"]);
/** Not copied into the scratch tree (node_modules is linked instead). */
const NOT_COPIED = new Set([".git", ".data", ".next", "node_modules", "test-results", "playwright-report", "coverage"]);

type Outcome = { mutation: Mutation; result: "caught" | "SURVIVED" | "ERROR"; detail: string; seconds: number };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

type Patch = Mutation["patches"][number];
type Located = { file: string; start: number; find: string; replace: string };

/**
 * Where a patch's snippet is: everywhere, or, with `within`, only in the declaration that starts
 * with that snippet (up to the next top-level `export`), for code repeated in several functions.
 */
function regions(texts: Map<string, string>, patch: Patch): { file: string; from: number; to: number }[] {
  if (!patch.within) return [...texts].map(([file, text]) => ({ file, from: 0, to: text.length }));
  return [...texts].flatMap(([file, text]) => {
    const out = [];
    for (let at = text.indexOf(patch.within!); at !== -1; at = text.indexOf(patch.within!, at + 1)) {
      const next = text.indexOf("\nexport ", at + 1);
      out.push({ file, from: at, to: next === -1 ? text.length : next });
    }
    return out;
  });
}

/** Finds every patch's one home; collects every broken anchor before failing, so one run lists them all. */
function locate(mutations: Mutation[]): Map<string, Located[]> {
  const files = SOURCE_ROOTS.flatMap((root) => sourceFiles(path.join(REPO_ROOT, root)));
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, "utf8")]));
  const located = new Map<string, Located[]>();
  const problems: string[] = [];
  for (const m of mutations) {
    const patches: Located[] = [];
    for (const patch of m.patches) {
      const scopes = regions(texts, patch);
      const hits = scopes.flatMap(({ file, from, to }) => {
        const text = texts.get(file)!;
        const found: { file: string; start: number }[] = [];
        for (let at = text.indexOf(patch.find, from); at !== -1 && at + patch.find.length <= to; at = text.indexOf(patch.find, at + 1)) found.push({ file, start: at });
        return found;
      });
      if (hits.length !== 1 || (patch.within && scopes.length !== 1)) {
        const where = [...new Set(hits.map((h) => path.relative(REPO_ROOT, h.file)))].join(", ");
        const scope = patch.within ? ` within ${JSON.stringify(patch.within)} (found ${scopes.length} times)` : "";
        problems.push(`${m.id}: snippet found ${hits.length} times${where ? ` in ${where}` : ""}${scope}, need exactly 1:\n    ${JSON.stringify(patch.find)}`);
      } else {
        patches.push({ file: path.relative(REPO_ROOT, hits[0]!.file), start: hits[0]!.start, find: patch.find, replace: patch.replace });
      }
    }
    for (const test of m.tests) if (!fs.existsSync(path.join(REPO_ROOT, test))) problems.push(`${m.id}: test file ${test} does not exist`);
    located.set(m.id, patches);
  }
  if (problems.length) {
    console.error(`Mutation anchors are broken (update scripts/mutations.ts):\n  ${problems.join("\n  ")}`);
    process.exit(2);
  }
  return located;
}

function copyTree(scratch: string): void {
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (NOT_COPIED.has(entry) || entry.startsWith(".next-")) continue;
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(scratch, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(scratch, "node_modules"), "dir");
}

type VitestRun = { code: number; failed: string[]; total: number; output: string };

/** Runs Vitest in the scratch tree on `tests`; the JSON report says which tests failed. */
function vitest(scratch: string, tests: string[], env: Record<string, string>): Promise<VitestRun> {
  const report = path.join(scratch, ".mutate-report.json");
  fs.rmSync(report, { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(scratch, "node_modules", ".bin", "vitest"), ["run", "--reporter=json", `--outputFile=${report}`, ...tests], {
      cwd: scratch,
      env: { ...process.env, ...env, CI: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      type Report = { numTotalTests: number; testResults: { assertionResults: { status: string; fullName: string }[] }[] };
      const parsed = fs.existsSync(report) ? (JSON.parse(fs.readFileSync(report, "utf8")) as Report) : null;
      const failed = parsed?.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === "failed").map((a) => a.fullName)) ?? [];
      resolve({ code: code ?? 1, failed, total: parsed?.numTotalTests ?? 0, output });
    });
  });
}

const tail = (text: string, lines = 30) => text.trim().split("\n").slice(-lines).join("\n");

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((id) => !MUTATIONS.some((m) => m.id === id));
  if (unknown.length) {
    console.error(`Unknown mutation id(s): ${unknown.join(", ")}. Known: ${MUTATIONS.map((m) => m.id).join(", ")}`);
    return 2;
  }
  const mutations = wanted.length ? MUTATIONS.filter((m) => wanted.includes(m.id)) : MUTATIONS;
  const located = locate(mutations);
  if (process.argv.includes("--check")) {
    for (const m of mutations) console.log(`${m.id.padEnd(28)} ${located.get(m.id)!.map((p) => p.file).join(", ")}`);
    console.log(`All ${mutations.length} anchors found exactly once.`);
    return 0;
  }

  // One PostgreSQL for every run; each Vitest run still gets its own fresh, migrated database.
  // (Its own temp dir: as root the server runs as `postgres`, which may own it but not the scratch copy.)
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "encore-mutate-pg-"));
  const postgres = await startEmbeddedPostgres(path.join(pgDir, "pg"), { persistent: false, quiet: true }).catch((err: unknown) => {
    fs.rmSync(pgDir, { recursive: true, force: true });
    throw err;
  });
  const env = { TEST_DATABASE_URL: postgres.url("postgres") };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "encore-mutate-"));
  // Also on Ctrl-C (the database's own signal hook stops the server, then the process exits).
  process.on("exit", () => {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(pgDir, { recursive: true, force: true });
  });
  const outcomes: Outcome[] = [];
  try {
    copyTree(scratch);
    console.log(`Scratch copy: ${scratch}`);

    // Without any mutation the named tests must pass, else a "caught" would mean nothing.
    const allTests = [...new Set(mutations.flatMap((m) => m.tests))];
    const baseline = await vitest(scratch, allTests, env);
    if (baseline.code !== 0 || baseline.total === 0) {
      console.error(`The named tests fail without any mutation (${baseline.failed.length} failed):\n${tail(baseline.output, 60)}`);
      return 1;
    }
    console.log(`Baseline: ${baseline.total} tests in ${allTests.length} files pass unmutated.\n`);

    for (const mutation of mutations) {
      const patches = located.get(mutation.id)!;
      const originals = new Map<string, string>();
      for (const p of [...patches].sort((a, b) => b.start - a.start)) {
        const file = path.join(scratch, p.file);
        if (!originals.has(file)) originals.set(file, fs.readFileSync(file, "utf8"));
        const text = fs.readFileSync(file, "utf8");
        fs.writeFileSync(file, text.slice(0, p.start) + p.replace + text.slice(p.start + p.find.length));
      }
      const started = Date.now();
      const run = await vitest(scratch, mutation.tests, env);
      for (const [file, text] of originals) fs.writeFileSync(file, text);
      const seconds = (Date.now() - started) / 1000;
      const outcome: Outcome =
        run.failed.length > 0
          ? { mutation, result: "caught", detail: `${run.failed.length} failing, e.g. "${run.failed[0]}"`, seconds }
          : run.code === 0
            ? { mutation, result: "SURVIVED", detail: `all ${run.total} tests pass`, seconds }
            : { mutation, result: "ERROR", detail: `Vitest exited ${run.code} without a failing test:\n${tail(run.output)}`, seconds };
      outcomes.push(outcome);
      console.log(`${outcome.result.padEnd(8)} ${mutation.id.padEnd(28)} ${seconds.toFixed(0).padStart(3)} s  ${patches.map((p) => p.file).join(", ")}\n         ${mutation.what}\n         ${outcome.detail}`);
    }
  } finally {
    await postgres.stop();
  }

  const missed = outcomes.filter((o) => o.result !== "caught");
  console.log(`\n${outcomes.length - missed.length} of ${outcomes.length} mutations caught.`);
  if (missed.length) console.log(`Not caught: ${missed.map((o) => `${o.mutation.id} (${o.result})`).join(", ")}: write the test that fails on it.`);
  return missed.length ? 1 : 0;
}

process.exit(await main());
