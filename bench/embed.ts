// The embeddable in-app prompt (public/embed/encore.js): its gzipped size against the 10 KB
// target, next to what React alone would cost (react + react-dom production builds, gzipped in
// the same run); and the time from a merchant page's load to the prompt being shown, in Chromium,
// next to the same page's own load event. Starts its own stack (fresh Postgres, sandbox, build).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../tests/e2e/support/browser";
import { REPO_ROOT } from "../scripts/lib/database";
import { freePort } from "../scripts/lib/free-port";
import { generateSecrets } from "../scripts/lib/secrets";
import { startStack } from "../scripts/lib/stack";
import { SEED_CUSTOMERS } from "../sandbox/seed";

const LOADS = 15;
const SIZE_TARGET = 10 * 1024;
const PROMPT_TARGET_MS = 1000;

const gz = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

function embedSize() {
  const embed = gz(path.join(REPO_ROOT, "public/embed/encore.js"));
  // The production builds themselves (their package exports hide the files, so by path).
  const react = gz(path.join(REPO_ROOT, "node_modules/react/cjs/react.production.js")) + gz(path.join(REPO_ROOT, "node_modules/react-dom/cjs/react-dom-client.production.js"));
  console.log(`embed script (gzipped): ${kb(embed)} — target ≤ ${kb(SIZE_TARGET)} ${embed <= SIZE_TARGET ? "✓" : "✗ OVER"}; reference: React + ReactDOM alone ${kb(react)} (same run)`);
}

export async function run(): Promise<void> {
  embedSize();
  process.env.E2E_DIST_DIR ??= ".next-bench-embed";
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "encore-bench-embed-"));
  const stack = await startStack({
    mode: "test", dataDir, persistent: false, appPort: await freePort(), appHost: "127.0.0.1", sandboxPort: await freePort(), mailboxPort: await freePort(), secrets: generateSecrets(),
    log: () => {},
  });
  let merchant: http.Server | null = null;
  try {
    Object.assign(process.env, stack.appEnv);
    const { db } = await import("@/lib/db/client");
    const { recordMoment } = await import("@/lib/moments/report");
    const { mintEmbedToken } = await import("@/lib/moments/links");
    // The demo customer (Basic plan, saved card) at the seeded moment offer: Pro, with Dodo's preview.
    const customer = await db.customer.findUniqueOrThrow({ where: { dodoCustomerId: SEED_CUSTOMERS.demo } });
    await recordMoment(db, { customerId: customer.id, name: "usage_milestone", properties: { feature: "reports", used: 3, limit: 5 }, source: "API", idempotencyKey: null, occurredAt: new Date() });
    const { token } = mintEmbedToken(customer.id);
    // The merchant's page, on its own origin.
    const html = `<!doctype html><html><body><h1>Merchant app</h1><div id="offer"></div><script src="${stack.appUrl}/embed/encore.js" data-token="${token}" data-target="#offer" async></script></body></html>`;
    merchant = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    await new Promise<void>((resolve) => merchant!.listen(0, "127.0.0.1", resolve));
    const pageUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/`;

    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    const shown: number[] = [];
    const loaded: number[] = [];
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(pageUrl);
      await page.locator("[data-encore-shown]").waitFor({ timeout: 30_000 });
      const at = Number(await page.locator("[data-encore-prompt]").getAttribute("data-encore-shown"));
      const load = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd);
      if (i > 0) { // the first load warms the server's caches
        shown.push(at);
        loaded.push(load);
      }
      await context.close();
    }
    await browser.close();
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`time from page navigation to the prompt shown (upgrade with Dodo's preview): median ${ms(median(shown))}, p95 ${ms(p95(shown))} over ${LOADS} loads — target p95 ≤ ${ms(PROMPT_TARGET_MS)} ${p95(shown) <= PROMPT_TARGET_MS ? "✓" : "✗ OVER"}; reference: the same page's load event, median ${ms(median(loaded))} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
    await db.$disconnect();
  } finally {
    merchant?.close();
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
