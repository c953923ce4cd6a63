// The embed's endpoints and hosted offer links (issue 16): a link opens once, expires and refuses
// another customer; concurrent accepts from the embed charge once; 3-D Secure from the embed returns
// to a clear outcome without a store session; rate limits in Postgres. Real app, sandbox, Postgres, worker.
import { expect, test } from "@playwright/test";
import { rawRequest } from "../support/e2e/app-instance";
import { api, customerOf, merchantPage, oneClickDue, prompt } from "../support/e2e/embed";
import { appToken, env, magicLinkPath, sql, uid } from "../support/e2e/env";
import { createApiKey, targetMoment } from "../support/e2e/example-app";
import { askForSignInLink, linkIn, mailsTo, type Mail } from "../support/e2e/mail";
import { createProduct, dodoPaymentsFor, insertOffer } from "../support/e2e/journey";
import { seedLadder, subscribe } from "../support/e2e/plans";

test.describe.configure({ timeout: 150_000 });

test("the hosted offer link opens once, expires, and refuses another customer's session", async ({ browser }) => {
  const key = await createApiKey();
  const moment = `e2e_${uid()}`.slice(0, 40);
  const product = await createProduct("Report pack", 1900);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], "Add the report pack");
  await targetMoment(offerId, moment, {});
  const ladder = await seedLadder();
  const { customerId } = await subscribe(ladder.basic);
  const other = await subscribe(ladder.basic);
  const { dodoCustomerId } = await customerOf(customerId);

  const reported = await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: { step: "done" } });
  expect(reported.status).toBe(201);
  expect(reported.json.offer).toMatchObject({ offer_id: offerId, kind: "cross_sell" });
  const url = reported.json.offer!.url;
  expect(url).toMatch(/\/offer\//);

  // Another customer signed in here: refused, and the link is not spent.
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await otherPage.goto(magicLinkPath(other.customerId));
  const refused = await otherPage.goto(url);
  expect(refused?.status()).toBe(403);
  await expect(otherPage.getByText("This offer is for another account")).toBeVisible();
  await otherContext.close();

  // The customer: signed in by the link, on the hosted offer page, one click with their card.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page).toHaveURL(/\/account\/offers\//);
  await expect(page.getByTestId("hosted-offer")).toContainText("Add the report pack");
  const { rows: [imp] } = await sql<{ placement: string }>(`SELECT placement FROM "OfferImpression" WHERE "offerId" = $1 AND "customerId" = $2`, [offerId, customerId]);
  expect(imp?.placement).toBe("HOSTED_LINK");
  await page.getByRole("button", { name: /Accept/ }).click();
  await expect(page.getByText(/added|Payment received|yours/i).first()).toBeVisible({ timeout: 20_000 });
  const offerPath = new URL(page.url()).pathname;
  await context.close();

  // Back later without the session (another browser): the page asks to sign in, and the emailed
  // link brings the customer back to this offer, not to their account page.
  const { email } = await customerOf(customerId);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(offerPath);
  await expect(visitor.getByText("Please sign in to see this offer.")).toBeVisible();
  await askForSignInLink(visitor, email);
  let signIn: Mail | undefined;
  await expect.poll(async () => (signIn = (await mailsTo(email)).find((m) => /sign-in link/.test(m.subject)))?.id ?? null, { timeout: 20_000 }).not.toBeNull();
  await visitor.goto(linkIn(signIn!));
  await visitor.waitForURL((u) => u.pathname === offerPath);
  await expect(visitor.getByTestId("hosted-offer")).toBeVisible();
  await visitor.context().close();

  // Once only.
  const again = await (await browser.newContext()).newPage();
  expect((await again.goto(url))?.status()).toBe(410);
  await expect(again.getByText("This offer link has already been used.")).toBeVisible();

  // Expired: a link past its time (its row, and a token whose signature says so).
  const second = await api(key, "/moments", { customer_id: (await customerOf(other.customerId)).dodoCustomerId, name: moment, properties: {} });
  const secondUrl = second.json.offer!.url;
  const linkId = (JSON.parse(Buffer.from(secondUrl.split("/offer/")[1]!.split(".")[0]!, "base64url").toString()) as { d: { l: string } }).d.l;
  await sql(`UPDATE "OfferLink" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [linkId]);
  expect((await again.goto(secondUrl))?.status()).toBe(410);
  await expect(again.getByText("This offer link has expired.")).toBeVisible();
  const expiredToken = appToken("offer-link", { l: linkId }, -1);
  expect((await again.goto(`/offer/${expiredToken}`))?.status()).toBe(410);
  const forged = `${secondUrl.split("/offer/")[1]!.split(".")[0]}.AAAA`;
  expect((await again.goto(`/offer/${forged}`))?.status()).toBe(404);
});

test("ten concurrent accepts from the embed make exactly one charge", async () => {
  const key = await createApiKey();
  const moment = `e2e_${uid()}`.slice(0, 40);
  const product = await createProduct("Team seat", 2500);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], "Add a team seat");
  await targetMoment(offerId, moment, { used: { gte: 10 } });
  const ladder = await seedLadder();
  const { customerId } = await subscribe(ladder.basic);
  const { dodoCustomerId } = await customerOf(customerId);

  // Below the condition: nothing due.
  expect((await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: { used: 9 } })).json.offer).toBeNull();
  expect((await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: { used: 10 } })).json.offer).toMatchObject({ offer_id: offerId });
  const { json: embed } = await api(key, `/customers/${dodoCustomerId}/embed-token`, {});
  const base = `${env("E2E_BASE_URL")}/api/embed/v1`;
  const headers = { authorization: `Bearer ${embed.token}`, "content-type": "application/json", origin: "https://app.merchant.example" };
  const shown = await (await fetch(`${base}/offer`, { headers })).json() as { offer: { impression_id: string; kind: string; card: string } };
  expect(shown.offer).toMatchObject({ kind: "one_click", card: expect.stringContaining("4242") });
  // Without the token (or with another purpose's token) the embed can do nothing.
  expect((await fetch(`${base}/offer`)).status).toBe(401);
  expect((await fetch(`${base}/offer`, { headers: { authorization: `Bearer ${appToken("customer-session", { c: customerId }, 600)}` } })).status).toBe(401);

  const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${base}/accept`, { method: "POST", headers, body: JSON.stringify({ impression_id: shown.offer.impression_id }) }).then((r) => r.json() as Promise<{ ok: boolean }>)));
  expect(answers.every((a) => a.ok)).toBe(true);
  const { rows: attempts } = await sql(`SELECT id FROM "ChargeAttempt" WHERE "impressionId" = $1`, [shown.offer.impression_id]);
  expect(attempts).toHaveLength(1);
  await expect.poll(async () => (await dodoPaymentsFor(dodoCustomerId, product.id)).length, { timeout: 15_000 }).toBe(1);
  await expect.poll(async () => (await sql<{ outcome: string }>(`SELECT outcome FROM "OfferDecision" WHERE "impressionId" = $1`, [shown.offer.impression_id])).rows[0]?.outcome, { timeout: 15_000 }).toBe("ACCEPTED");
  // A few seconds later, still one.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await dodoPaymentsFor(dodoCustomerId, product.id)).toHaveLength(1);
});

test("a 3-D Secure card on an embed accept: the bank's page, back to a clear outcome without a store session, and the prompt updates by itself", async ({ browser }) => {
  const due = await oneClickDue("3155", "Priority support");
  const merchant = await merchantPage(due.token);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(merchant.url);
    await expect(prompt(page)).toContainText("3155");
    await page.locator('[data-encore="accept"]').click();
    await expect(page.locator('[data-encore="authenticate"]')).toHaveText("Your bank wants you to confirm this payment. Nothing is charged until you do.");
    await expect(page.locator('[data-encore="decline"]')).toHaveCount(0);

    // The bank's page opens in a new tab; once confirmed there, Dodo sends the customer to Encore.
    const [bank] = await Promise.all([context.waitForEvent("page"), page.locator('[data-encore="bank"]').click()]);
    await bank.waitForURL(/\/authenticate\//);
    await bank.getByRole("button", { name: "Complete authentication" }).click();
    await bank.waitForURL(/\/offer\/return\//);
    await expect(bank.getByTestId("bank-return")).toHaveAttribute("data-status", "succeeded");
    await expect(bank.getByTestId("bank-return-outcome")).toHaveText(`Payment received: ${due.product.name} is yours. Your bank confirmed the payment.`);
    await expect(bank.getByText("You can close this tab: the app you came from shows the same outcome.")).toBeVisible();
    // No store session was needed, and none was made: the signed link shows this one outcome.
    expect((await context.cookies()).map((c) => c.name)).not.toContain("encore_customer");

    // The prompt in the merchant's app reads the charge until it settles.
    await expect(page.locator('[data-encore="done"]')).toBeVisible({ timeout: 20_000 });
    await expect.poll(async () => (await dodoPaymentsFor(due.dodoCustomerId, due.product.id)).map((p) => p.status), { timeout: 15_000 }).toEqual(["succeeded"]);
    await expect.poll(async () => (await sql<{ outcome: string }>(`SELECT d.outcome FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."offerId" = $1`, [due.offerId])).rows[0]?.outcome).toBe("ACCEPTED");

    // A forged or tampered return link shows nothing of anyone's payment.
    const forged = await context.newPage();
    await forged.goto(`/offer/return/${appToken("offer-link", { i: "x" }, 600)}`);
    await expect(forged.getByTestId("bank-return-problem")).toHaveText("This link is not valid or has expired. Your account shows what you bought.");
  } finally {
    await context.close();
    merchant.close();
  }
});

test("a failed 3-D Secure step from the embed: the return page and the prompt both say nothing was charged, and secure checkout stays open", async ({ browser }) => {
  const due = await oneClickDue("3155", "Audit log");
  const merchant = await merchantPage(due.token);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(merchant.url);
    await page.locator('[data-encore="accept"]').click();
    const [bank] = await Promise.all([context.waitForEvent("page"), page.locator('[data-encore="bank"]').click()]);
    await bank.getByRole("button", { name: "Fail authentication" }).click();
    await bank.waitForURL(/\/offer\/return\//);
    await expect(bank.getByTestId("bank-return")).toHaveAttribute("data-status", "failed");
    await expect(bank.getByTestId("bank-return-outcome")).toHaveText("Your bank could not confirm this payment, so nothing was charged.");
    await expect(page.locator('[data-encore="offer"] [role="alert"]')).toHaveText("Your bank could not confirm this payment, so nothing was charged.", { timeout: 20_000 });
    await expect(page.locator('[data-encore="checkout"]')).toBeVisible();
    expect((await dodoPaymentsFor(due.dodoCustomerId, due.product.id)).filter((p) => p.status === "succeeded")).toHaveLength(0);
  } finally {
    await context.close();
    merchant.close();
  }
});

test("the embed's endpoints and the hosted offer link are rate limited in Postgres, per customer and per address", async () => {
  const due = await oneClickDue("4242", "Rate seat");
  const other = await oneClickDue("4242", "Other seat");
  const base = `${env("E2E_BASE_URL")}/api/embed/v1`;
  const status = (token: string, from: string) => rawRequest(`${base}/status?impression_id=none`, { from, headers: { authorization: `Bearer ${token}` } });
  try {
    // A customer's budget: 120 requests a minute, from any address.
    for (let i = 0; i < 12; i++) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => status(due.token, `127.0.0.${20 + ((i + j) % 4)}`)));
      expect(batch.map((r) => r.status)).toEqual(Array(10).fill(200));
    }
    const limited = await status(due.token, "127.0.0.24");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body)).toMatchObject({ ok: false, code: "rate_limited" });
    // Another customer's prompt is not held back.
    expect((await status(other.token, "127.0.0.24")).status).toBe(200);
    // A token that does not verify is refused before anything is counted.
    expect((await status(`${due.token}x`, "127.0.0.25")).status).toBe(401);
    expect((await sql(`SELECT 1 FROM "LoginAttempt" WHERE key = 'embed-ip:127.0.0.25'`)).rows).toHaveLength(0);

    // Hosted offer links: 30 openings a minute per address.
    const link = (from: string) => rawRequest(`${env("E2E_BASE_URL")}/offer/${appToken("offer-link", { l: uid("gone") }, 600)}`, { from, headers: { accept: "text/html" } });
    for (let i = 0; i < 30; i++) expect((await link("127.0.0.26")).status).toBe(404);
    const tooMany = await link("127.0.0.26");
    expect(tooMany.status).toBe(429);
    expect(Number(tooMany.headers["retry-after"])).toBeGreaterThan(0);
    expect((await link("127.0.0.27")).status).toBe(404);
  } finally {
    await sql(`DELETE FROM "LoginAttempt" WHERE key IN ($1, $2) OR key LIKE 'embed-ip:127.0.0.2%' OR key LIKE 'offer-link-ip:127.0.0.2%'`, [`embed-customer:${due.customerId}`, `embed-customer:${other.customerId}`]);
  }
});
