import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./tests/e2e/support/browser";

const testDir = "tests/e2e";
const chromium = { browserName: "chromium" } as const;
// The fuzz spec counts database writes, so it runs alone after every other spec (its own project).
const FUZZ = /fuzz\.spec\.ts$/;
// Specs that change a store-wide setting (e.g. how stats count revenue) run in their own project
// after the others, so no other spec sees the setting move under it.
const STORE_WIDE = /\.store-wide\.spec\.ts$/;
const OWN_PROJECT = [FUZZ, STORE_WIDE];

// E2E_ORDER=reverse runs the spec files last to first, to show that no spec depends on another
// having run before it. Playwright schedules files in name order and ignores the order of files
// given on the command line, but it schedules projects in the order listed: one project per spec.
const reversed = fs.readdirSync(path.join(import.meta.dirname, testDir)).filter((f) => f.endsWith(".spec.ts") && !OWN_PROJECT.some((p) => p.test(f))).sort().reverse();
const specProjects = process.env.E2E_ORDER === "reverse"
  ? reversed.map((spec) => ({ name: `chromium ${spec}`, testMatch: spec, use: chromium }))
  : [{ name: "chromium", use: chromium, testIgnore: OWN_PROJECT }];

export default defineConfig({
  testDir,
  // The global setup starts Postgres, the Dodo sandbox and a production build of the app.
  globalSetup: "./tests/e2e/support/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    // Sends Accept-Language: en-US; the pt-BR spec overrides it (customer-pt-br.spec.ts).
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [
    ...specProjects,
    { name: "store-wide", testMatch: STORE_WIDE, use: chromium, dependencies: specProjects.map((p) => p.name) },
    { name: "fuzz", testMatch: FUZZ, use: chromium, dependencies: [...specProjects.map((p) => p.name), "store-wide"] },
  ],
});
