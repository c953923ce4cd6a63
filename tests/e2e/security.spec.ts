// What every response and page carries, seen from the browser: security headers on pages, route
// handlers, static files, error pages and refused requests; a nonce CSP that the store, the
// thank-you page, the account pages and the merchant console run under without a single
// violation; and merchant copy full of markup saved as typed and shown as text, never run.
import { expect, test, type Page } from "@playwright/test";
import { sql, uid } from "../support/e2e/env";
import { buy, createProduct, newEmail } from "../support/e2e/journey";
import { createMerchant, signIn } from "../support/e2e/merchant";

test.describe.configure({ timeout: 150_000 });

const HOSTILE_COPY = "<script>alert(1)</script> & <img src=x onerror=alert(1)>";

/** Records CSP violations (the browser's report event and its console message) and dialogs. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp?: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const check = async () => {
    const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
    return [...problems, ...reported.map((r) => `event: ${r}`)];
  };
  return { check };
}

test("merchant copy full of markup is saved as typed and shown as text on the console and the thank-you page, with no CSP violation anywhere", async ({ page }) => {
  const watcher = await watch(page);
  const [course, coaching] = await Promise.all([createProduct("XSS course", 4900), createProduct("XSS coaching", 9900)]);

  const merchant = await createMerchant();
  await signIn(page, merchant);
  await page.goto("/merchant/offers/new");
  await page.getByLabel("Name (only you see it)").fill(HOSTILE_COPY);
  await page.getByLabel("A purchase of…").check();
  await page.locator(`input[name="triggerProductIds"][value="${course.id}"]`).check();
  await page.getByLabel("Offered product").selectOption(coaching.id);
  await page.getByLabel("Headline").fill(HOSTILE_COPY);
  await page.getByLabel("Copy").fill(`${HOSTILE_COPY} — "<3", A & B, déjà vu 😀`);
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Offer created" })).toBeVisible();
  const offerId = page.url().split("/merchant/offers/")[1]!.split("?")[0]!;
  const { rows } = await sql<{ name: string; headline: string; body: string }>(`SELECT name, headline, body FROM "Offer" WHERE id = $1`, [offerId]);
  expect(rows[0]).toEqual({ name: HOSTILE_COPY, headline: HOSTILE_COPY, body: `${HOSTILE_COPY} — "<3", A & B, déjà vu 😀` });
  await expect(page.getByLabel("Headline")).toHaveValue(HOSTILE_COPY);

  await page.goto("/merchant/offers");
  const row = page.getByTestId("offer-row").filter({ hasText: HOSTILE_COPY });
  await expect(row).toBeVisible();
  await expect(row.locator("img, script")).toHaveCount(0);
  for (const path of ["/merchant", "/merchant/stats", "/merchant/funnels", "/merchant/products", "/merchant/events"]) {
    await page.goto(path);
    await expect(page.getByTestId("merchant-email")).toHaveText(merchant.email);
  }

  // The offer in a funnel for the course, as the console would wire it.
  const [funnel, step] = [uid("fnl_"), uid("stp_")];
  await sql(`INSERT INTO "Funnel" (id, name, "updatedAt") VALUES ($1, $1, now())`, [funnel]);
  await sql(`INSERT INTO "FunnelStep" (id, "funnelId", position, name, "updatedAt") VALUES ($1, $2, 1, 'upsell', now())`, [step, funnel]);
  await sql(`INSERT INTO "StepVariant" (id, "stepId", "offerId") VALUES ($1, $2, $3)`, [uid("var_"), step, offerId]);
  await sql(`UPDATE "Funnel" SET "entryStepId" = $1 WHERE id = $2`, [step, funnel]);

  await page.goto("/");
  await buy(page, course.id, { email: newEmail() });
  const offer = page.getByTestId("offer");
  await expect(offer).toContainText(HOSTILE_COPY);
  await expect(offer).toContainText('"<3", A & B, déjà vu 😀');
  await expect(offer.locator("img, script")).toHaveCount(0);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: /account/i }).first()).toBeVisible();
  await page.goto("/account/plan");
  await page.goto("/nothing-here");
  await expect(page.getByTestId("not-found")).toBeVisible();

  expect(await watcher.check()).toEqual([]);
});

test("security headers on pages, route handlers, static files, error pages and refused requests", async ({ page, request }) => {
  await page.goto("/");
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  const responses = {
    page: await request.get("/"),
    route: await request.get("/api/health"),
    problemPage: await request.get("/thank-you/confirm?token=nope"),
    staticFile: await request.get(stylesheet!),
    notFound: await request.get("/nothing-here"),
    malformedPath: await request.get("/products/%E0%A4%A"),
    oversizedAction: await request.post("/thank-you", { headers: { "next-action": "7f".padEnd(42, "0"), "content-type": "text/plain;charset=UTF-8" }, data: `["${"a".repeat(1_100_000)}"]` }),
  };
  expect(responses.malformedPath.status()).toBe(400);
  expect(responses.oversizedAction.status()).toBe(413);
  for (const [kind, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["content-security-policy"], kind).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"], kind).toContain("frame-ancestors 'none'");
    expect(headers, kind).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });
    // Over plain http (this test stack) there is no HSTS; the https instance in operations.spec.ts has it.
    expect(headers["strict-transport-security"], kind).toBeUndefined();
  }
  // Each page gets its own nonce, and Next stamps it on its scripts.
  const html = await responses.page.text();
  const nonce = /'nonce-([^']+)'/.exec(responses.page.headers()["content-security-policy"]!)![1]!;
  expect(html).toContain(`nonce="${nonce}"`);
  expect((await request.get("/")).headers()["content-security-policy"]).not.toContain(nonce);
});
