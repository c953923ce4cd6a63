// Customer journey benchmark: the thank-you page's first-load JS (gzipped) and server render
// time, and how long the one-click accept spends in our code (Dodo sandbox time subtracted).
// Starts its own stack (fresh Postgres, sandbox, production build in .next-bench-journey).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type DodoPaymentsType from "dodopayments";
import { freePort } from "../scripts/lib/free-port";
import { generateSecrets } from "../scripts/lib/secrets";
import { startStack, type Stack } from "../scripts/lib/stack";

const PAGE_RUNS = 15;
const ACCEPT_RUNS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Buys a product like a browser would: our buy action's checkout → sandbox hosted page → our return route. */
async function buyThroughHostedCheckout(stack: Stack, productId: string, email: string) {
  const { startHostedCheckout } = await import("@/lib/checkout/intents");
  const started = await startHostedCheckout({ productId, customer: null });
  if (!started.ok) throw new Error(started.message);
  const form = new URLSearchParams({ card_number: "4242424242424242", email, name: "Bench Customer", country: "US", zipcode: "94107" });
  const paid = await fetch(started.url, { method: "POST", body: form, redirect: "manual" });
  const returnUrl = paid.headers.get("location");
  if (!returnUrl) throw new Error(`hosted checkout answered ${paid.status}`);
  const confirmed = await fetch(returnUrl, { redirect: "manual" });
  const cookie = confirmed.headers.get("set-cookie")?.split(";")[0];
  const thankYou = confirmed.headers.get("location");
  if (!cookie || !thankYou) throw new Error(`return route answered ${confirmed.status}`);
  return { cookie, thankYouUrl: new URL(thankYou, stack.appUrl).toString() };
}

async function firstLoadJsGzipped(html: string, base: string): Promise<{ files: number; bytes: number }> {
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const src of new Set(srcs)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: new Set(srcs).size, bytes };
}

/** A Dodo client whose fetch adds up the time spent waiting on the sandbox. */
function timedDodo(Dodo: typeof DodoPaymentsType, stack: Stack) {
  const clock = { sandboxMs: 0 };
  const client = new Dodo({
    bearerToken: stack.appEnv.DODO_PAYMENTS_API_KEY,
    baseURL: stack.sandboxUrl,
    fetch: async (input, init) => {
      const started = performance.now();
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      clock.sandboxMs += performance.now() - started;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  });
  return { client, clock };
}

export async function run(): Promise<void> {
  process.env.E2E_DIST_DIR ??= ".next-bench-journey";
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "encore-bench-"));
  const secrets = generateSecrets();
  const stack = await startStack({
    mode: "test", dataDir, persistent: false, appPort: await freePort(), appHost: "127.0.0.1", sandboxPort: await freePort(), mailboxPort: await freePort(), secrets,
    log: () => {},
  });
  try {
    // The app's modules read their env once: point them at this stack before importing them.
    Object.assign(process.env, stack.appEnv);
    const { default: Dodo } = await import("dodopayments");
    const { db } = await import("@/lib/db/client");
    const { syncProduct } = await import("@/lib/catalog/sync");
    const { acceptOffer } = await import("@/lib/checkout/one-click");

    const sdk = new Dodo({ bearerToken: secrets.apiKey, baseURL: stack.sandboxUrl });
    const oneTime = (price: number) => ({ type: "one_time_price" as const, currency: "USD" as const, price });
    const course = await sdk.products.create({ name: "Bench course", price: oneTime(4900), tax_category: "edtech" });
    const upsell = await sdk.products.create({ name: "Bench upsell", price: oneTime(1900), tax_category: "edtech" });
    await syncProduct(course.product_id);
    await syncProduct(upsell.product_id);
    const offer = await db.offer.create({ data: { name: "bench upsell", kind: "UPSELL", offeredProductId: upsell.product_id, triggerProductIds: [course.product_id], headline: "Add the upsell" } });
    const funnel = await db.funnel.create({ data: { name: "bench funnel" } });
    const step = await db.funnelStep.create({ data: { funnelId: funnel.id, position: 1, name: "upsell", variants: { create: { offerId: offer.id } } } });
    await db.funnel.update({ where: { id: funnel.id }, data: { entryStepId: step.id } });

    const { cookie, thankYouUrl } = await buyThroughHostedCheckout(stack, course.product_id, `bench-${Date.now()}@example.com`);
    const render = async () => {
      const started = performance.now();
      const res = await fetch(thankYouUrl, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes("Add the upsell")) throw new Error(`thank-you page answered ${res.status} without the offer`);
      return { html, ms: performance.now() - started };
    };
    const first = await render();
    const warm: number[] = [];
    for (let i = 0; i < PAGE_RUNS; i++) warm.push((await render()).ms);
    const js = await firstLoadJsGzipped(first.html, stack.appUrl);

    // One-click accepts, each on a fresh impression of the same customer and saved card.
    const customer = await db.customer.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const origin = await db.offerImpression.findFirstOrThrow({ where: { customerId: customer.id, offerId: offer.id } });
    const ours: number[] = [];
    const sandboxTimes: number[] = [];
    for (let i = 0; i < ACCEPT_RUNS; i++) {
      const impression = await db.offerImpression.create({
        data: {
          customerId: customer.id, offerId: offer.id, placement: "ACCOUNT", priceAmount: origin.priceAmount, listPriceAmount: origin.listPriceAmount,
          currency: origin.currency, paymentMethodId: origin.paymentMethodId, expiresAt: new Date(Date.now() + 600_000),
        },
      });
      const { client, clock } = timedDodo(Dodo, stack);
      const started = performance.now();
      const result = await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client });
      const total = performance.now() - started;
      if (!result.ok) throw new Error(`accept failed: ${result.code}`);
      ours.push(total - clock.sandboxMs);
      sandboxTimes.push(clock.sandboxMs);
    }

    console.log(`thank-you page first-load JS (gzipped): ${(js.bytes / 1024).toFixed(1)} kB in ${js.files} scripts`);
    console.log(`thank-you page server render: first ${ms(first.ms)} (syncs the order, records the impression), warm median ${ms(median(warm))}, p95 ${ms(p95(warm))} over ${PAGE_RUNS}`);
    console.log(`accept (one click) in our code: median ${ms(median(ours))}, p95 ${ms(p95(ours))} over ${ACCEPT_RUNS}; sandbox time excluded (median ${ms(median(sandboxTimes))})`);
    await db.$disconnect();
  } finally {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
