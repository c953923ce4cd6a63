// Every merchant page, route and server action refuses anyone without a merchant session: signed
// out, holding a customer's session cookie, or holding a customer token under the merchant cookie.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createMerchant, customerToken, insertProduct, signIn } from "../support/e2e/merchant";
import { sql, uid } from "../support/e2e/env";

type Seeded = { offerId: string; funnelId: string; stepId: string; ladderId: string; eventId: string; plan: string };

async function seed(): Promise<Seeded> {
  const product = await insertProduct("Access product", 1500);
  const plan = await insertProduct("Access plan", 900, "SUBSCRIPTION");
  const offerId = uid("off_");
  await sql(`INSERT INTO "Offer" (id, name, kind, "offeredProductId", headline, "updatedAt") VALUES ($1, $2, 'UPSELL', $3, 'Original headline', now())`, [offerId, `Access offer ${offerId}`, product]);
  const funnelId = uid("fnl_");
  const [stepId, step2] = [uid("stp_"), uid("stp_")];
  await sql(`INSERT INTO "Funnel" (id, name, "updatedAt") VALUES ($1, 'Access funnel', now())`, [funnelId]);
  await sql(`INSERT INTO "FunnelStep" (id, "funnelId", position, name, "updatedAt") VALUES ($1, $2, 1, 'First', now()), ($3, $2, 2, 'Second', now())`, [stepId, funnelId, step2]);
  await sql(`INSERT INTO "StepVariant" (id, "stepId", "offerId") VALUES ($1, $2, $3)`, [uid("var_"), stepId, offerId]);
  await sql(`UPDATE "Funnel" SET "entryStepId" = $1 WHERE id = $2`, [stepId, funnelId]);
  const ladderId = uid("lad_");
  await sql(`INSERT INTO "PlanLadder" (id, name, "updatedAt") VALUES ($1, $2, now())`, [ladderId, `Access ladder ${ladderId}`]);
  const eventId = uid("evt_");
  await sql(`INSERT INTO "WebhookEvent" (id, type, payload, "eventTimestamp", outcome, error) VALUES ($1, 'payment.succeeded', '{}', now(), 'FAILED', 'seeded failure')`, [eventId]);
  return { offerId, funnelId, stepId, ladderId, eventId, plan };
}

const pages = (s: Seeded) => [
  "/merchant", "/merchant/offers", "/merchant/offers/new", `/merchant/offers/${s.offerId}`, "/merchant/funnels", `/merchant/funnels/${s.funnelId}`,
  "/merchant/products", "/merchant/stats", "/merchant/stats?from=2020-01-01&to=2020-12-31", "/merchant/events",
];

const outsiders: { name: string; cookies: (url: string) => { name: string; value: string; url: string }[] }[] = [
  { name: "signed out", cookies: () => [] },
  { name: "customer session", cookies: (url) => [{ name: "encore_customer", value: customerToken(), url }] },
  { name: "customer token as merchant cookie", cookies: (url) => [{ name: "encore_merchant", value: customerToken(), url }, { name: "encore_customer", value: customerToken(), url }] },
  { name: "forged merchant cookie", cookies: (url) => [{ name: "encore_merchant", value: "eyJwIjoibWVyY2hhbnQtc2Vzc2lvbiJ9.forged", url }] },
];

test.describe("merchant access control", () => {
  let seeded: Seeded;
  test.beforeAll(async () => { seeded = await seed(); });

  for (const who of outsiders) {
    test(`pages and the CSV route refuse: ${who.name}`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
      const cookieHeader = who.cookies(baseURL!).map((c) => `${c.name}=${c.value}`).join("; ");
      const headers = cookieHeader ? { cookie: cookieHeader } : undefined;
      for (const path of pages(seeded)) {
        const res = await request.get(path, { maxRedirects: 0, headers });
        expect(res.status(), path).toBe(307);
        expect(new URL(res.headers().location!, baseURL).pathname, path).toBe("/merchant/sign-in");
      }
      const csv = await request.get("/api/merchant/stats/csv?from=2020-01-01&to=2020-12-31", { maxRedirects: 0, headers });
      expect(csv.status()).toBe(403);
      expect(await csv.text()).not.toContain("offer_id");
      await request.dispose();
    });
  }

  /** Opens a form as a merchant, then swaps the session for `who`'s cookies before submitting. */
  async function submitAs(page: Page, context: BrowserContext, who: (typeof outsiders)[number], baseURL: string, submit: () => Promise<void>) {
    await context.clearCookies();
    await context.addCookies(who.cookies(baseURL));
    await submit();
    await page.waitForURL(/\/merchant\/sign-in$/);
  }

  for (const who of [outsiders[0]!, outsiders[2]!]) {
    test(`every server action refuses: ${who.name}`, async ({ page, context, baseURL }) => {
      test.setTimeout(180_000);
      const merchant = await createMerchant();
      const actions: { name: string; open: string; submit: () => Promise<void> }[] = [
        { name: "create offer", open: "/merchant/offers/new", submit: async () => {
          await page.getByLabel("Name (only you see it)").fill("Sneaky");
          await page.getByLabel("Offered product").selectOption({ index: 1 });
          await page.getByLabel("Headline").fill("Sneaky");
          await page.getByRole("button", { name: "Create offer" }).click();
        } },
        { name: "update offer", open: `/merchant/offers/${seeded.offerId}`, submit: async () => {
          await page.getByLabel("Headline").fill("Hijacked");
          await page.getByRole("button", { name: "Save offer" }).click();
        } },
        { name: "pause offer", open: `/merchant/offers/${seeded.offerId}`, submit: () => page.getByRole("button", { name: /^Pause / }).click() },
        { name: "create funnel", open: "/merchant/funnels", submit: async () => {
          await page.getByLabel("Name").fill("Sneaky funnel");
          await page.getByRole("button", { name: "Create funnel" }).click();
        } },
        { name: "pause funnel", open: "/merchant/funnels", submit: () => page.getByRole("button", { name: "Pause Access funnel" }).first().click() },
        { name: "update funnel", open: `/merchant/funnels/${seeded.funnelId}`, submit: () => page.getByRole("button", { name: "Save funnel" }).click() },
        { name: "set paths", open: `/merchant/funnels/${seeded.funnelId}`, submit: async () => {
          await page.getByLabel("When declined (downsell)").first().selectOption({ label: "Step 2: Second" });
          await page.getByRole("button", { name: "Save paths" }).first().click();
        } },
        { name: "make entry step", open: `/merchant/funnels/${seeded.funnelId}`, submit: () => page.getByRole("button", { name: "Make entry step" }).click() },
        { name: "remove step", open: `/merchant/funnels/${seeded.funnelId}`, submit: () => page.getByRole("button", { name: "Remove" }).last().click() },
        { name: "update step", open: `/merchant/funnels/${seeded.funnelId}`, submit: async () => {
          await page.getByText("Edit offers and experiment").first().click();
          await page.getByRole("button", { name: "Save step" }).first().click();
        } },
        { name: "add step", open: `/merchant/funnels/${seeded.funnelId}`, submit: async () => {
          const form = page.getByRole("form", { name: "Add step" });
          await form.getByLabel("Step name").fill("Sneaky step");
          await form.getByLabel("Variant A offer").selectOption(seeded.offerId);
          await form.getByLabel("Variant A weight (%)").fill("100");
          await form.getByRole("button", { name: "Add step" }).click();
        } },
        { name: "sync products", open: "/merchant/products", submit: () => page.getByRole("button", { name: "Sync from Dodo" }).click() },
        { name: "create ladder", open: "/merchant/products", submit: async () => {
          const form = page.getByRole("form", { name: "Plan ladder" }).last();
          await form.getByLabel("Ladder name").fill(`Sneaky ${uid()}`);
          await form.getByRole("button", { name: "Create ladder" }).click();
        } },
        { name: "update ladder", open: "/merchant/products", submit: () => page.getByRole("button", { name: "Save policy" }).first().click() },
        { name: "rank plans", open: "/merchant/products", submit: () => page.getByRole("button", { name: "Save ranking" }).first().click() },
        { name: "replay event", open: "/merchant/events", submit: () => page.getByTestId("failed-events").getByRole("button", { name: "Replay" }).first().click() },
      ];
      for (const action of actions) {
        await test.step(action.name, async () => {
          await signIn(page, merchant);
          await page.goto(action.open);
          await submitAs(page, context, who, baseURL!, action.submit);
        });
      }
      // Nothing changed behind the refused actions.
      const offer = await sql<{ headline: string; active: boolean }>(`SELECT headline, active FROM "Offer" WHERE id = $1`, [seeded.offerId]);
      expect(offer.rows[0]).toEqual({ headline: "Original headline", active: true });
      expect((await sql(`SELECT 1 FROM "Offer" WHERE name = 'Sneaky'`)).rowCount).toBe(0);
      expect((await sql(`SELECT 1 FROM "Funnel" WHERE name = 'Sneaky funnel'`)).rowCount).toBe(0);
      const steps = await sql<{ n: number; declines: number }>(`SELECT count(*)::int AS n, count("onDeclineStepId")::int AS declines FROM "FunnelStep" WHERE "funnelId" = $1`, [seeded.funnelId]);
      expect(steps.rows[0]).toEqual({ n: 2, declines: 0 });
      const funnel = await sql<{ active: boolean; entryStepId: string }>(`SELECT active, "entryStepId" FROM "Funnel" WHERE id = $1`, [seeded.funnelId]);
      expect(funnel.rows[0]).toEqual({ active: true, entryStepId: seeded.stepId });
      expect((await sql(`SELECT 1 FROM "PlanLadder" WHERE name LIKE 'Sneaky%'`)).rowCount).toBe(0);
      expect((await sql<{ attempts: number }>(`SELECT attempts FROM "WebhookEvent" WHERE id = $1`, [seeded.eventId])).rows[0]!.attempts).toBe(1);
    });
  }
});
