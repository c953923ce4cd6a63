// The embeddable in-app prompt (public/embed/encore.js): its gzipped size against the 10 KB
// target, next to what React alone would cost (react + react-dom production builds, gzipped in
// the same run); and the time from a merchant page's navigation to the prompt being shown, in
// Chromium, for the offer's first showing (Encore asks Dodo for the plan-change preview) and for
// the customer's next page (the same open offer and quote), each with where the time goes (script
// loaded, offer asked, answered, drawn) and next to the same page's load without the prompt,
// measured in the same run. Starts its own stack (fresh Postgres, sandbox, build).
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
import { loadNow, percentile } from "./_report";

const LOADS = 15;
const SIZE_TARGET = 10 * 1024;
const PROMPT_TARGET_MS = 1000;

const gz = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const median = (xs: number[]) => percentile(xs, 50);
const p95 = (xs: number[]) => percentile(xs, 95);

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
    // The merchant's page, on its own origin: with the prompt, and the same page without it (the reference).
    const page = (embed: boolean) => `<!doctype html><html><head><title>Merchant app</title></head><body><h1>Merchant app</h1><p>Your reports.</p><div id="offer"></div>${
      embed ? `<script src="${stack.appUrl}/embed/encore.js" data-token="${token}" data-target="#offer" async></script>` : ""}</body></html>`;
    merchant = http.createServer((req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page(req.url !== "/plain")));
    await new Promise<void>((resolve) => merchant!.listen(0, "127.0.0.1", resolve));
    const pageUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/`;

    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    type Load = { shown: number; script: number; offerStart: number; offerEnd: number; load: number };
    /** One cold page view (new browser context): when the script arrived, the offer was asked for and answered, the prompt drawn. */
    const view = async (url: string, embed: boolean): Promise<Load> => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(url, { waitUntil: "load" });
      if (embed) await tab.locator("[data-encore-shown]").waitFor({ timeout: 30_000 });
      const t = await tab.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const script = res.find((r) => r.name.endsWith("/embed/encore.js"));
        const offer = res.find((r) => r.name.endsWith("/api/embed/v1/offer"));
        const shown = document.querySelector("[data-encore-shown]")?.getAttribute("data-encore-shown");
        return { shown: Number(shown ?? 0), script: script?.responseEnd ?? 0, offerStart: offer?.startTime ?? 0, offerEnd: offer?.responseEnd ?? 0, load: nav.loadEventEnd };
      });
      await context.close();
      return t;
    };
    const customerImpressions = () => db.offerImpression.deleteMany({ where: { customerId: customer.id } });
    await view(pageUrl, true); // warms the server (first compile of each route, connection pools)
    const first: Load[] = [];
    const repeat: Load[] = [];
    const plain: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      // First showing: no open offer yet, so Encore asks Dodo for the plan-change preview and records the impression.
      await customerImpressions();
      first.push(await view(pageUrl, true));
      // The customer's next page: the same open offer (its impression, its still-valid quote).
      repeat.push(await view(pageUrl, true));
      plain.push(await view(`${pageUrl}plain`, false));
    }
    await browser.close();
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const of = (xs: Load[], k: keyof Load) => xs.map((x) => x[k]);
    const verdict = (xs: number[]) => `target p95 ≤ ${ms(PROMPT_TARGET_MS)} ${p95(xs) <= PROMPT_TARGET_MS ? "✓" : "✗ OVER"}`;
    const steps = (xs: Load[]) => `script loaded ${ms(median(of(xs, "script")))}, offer asked ${ms(median(of(xs, "offerStart")))}, answered ${ms(median(of(xs, "offerEnd")))} (server round trip ${ms(median(xs.map((x) => x.offerEnd - x.offerStart)))}), drawn ${ms(median(of(xs, "shown")))}`;
    const reference = `reference: the same merchant page without the prompt, load event median ${ms(median(of(plain, "load")))}, p95 ${ms(p95(of(plain, "load")))} (same run, load average ${loadNow()} on ${os.cpus().length} cores)`;
    console.log(`time from page navigation to the prompt shown, first showing (upgrade, Dodo's preview fetched): median ${ms(median(of(first, "shown")))}, p95 ${ms(p95(of(first, "shown")))} over ${LOADS} loads — ${verdict(of(first, "shown"))}; ${reference}`);
    console.log(`  where the time goes (medians from navigation): ${steps(first)}`);
    console.log(`time from page navigation to the prompt shown, the customer's next page (same open offer): median ${ms(median(of(repeat, "shown")))}, p95 ${ms(p95(of(repeat, "shown")))} — ${verdict(of(repeat, "shown"))}`);
    console.log(`  where the time goes (medians from navigation): ${steps(repeat)}`);
    await db.$disconnect();
  } finally {
    merchant?.close();
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
