// The customer journey in Brazilian Portuguese: a browser that prefers pt-BR buys, accepts a
// one-click offer and changes plan, and no page on the way shows English outside what the
// merchant wrote (tests/e2e/support/english-leftovers.ts checks every page against the English
// catalogue). The switch changes the language and it is remembered.
import { expect, test } from "@playwright/test";
import { api, customerOf, merchantPage, oneClickDue, prompt } from "../support/e2e/embed";
import { appToken, sql, uid } from "../support/e2e/env";
import { createApiKey, targetMoment } from "../support/e2e/example-app";
import { createProduct, customerIdByEmail, insertOffer, newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { seedLadder, signIn, subscribe } from "../support/e2e/plans";
import { expectNoEnglish, expectNoEnglishIn } from "./support/english-leftovers";

test.describe.configure({ timeout: 150_000 });

test.describe("in Brazilian Portuguese", () => {
  test.use({ locale: "pt-BR" });

  test("buy → thank-you → accept the upsell: every page in Portuguese, with the merchant's Portuguese headline", async ({ page }) => {
    const shop = await seedJourney({ upsellDiscountBps: 2000 });
    await sql(`INSERT INTO "OfferCopy" ("offerId", locale, headline, body, "updatedAt") VALUES ($1, 'pt-BR', 'Adicione uma mentoria', 'Só nesta página.', now())`, [shop.upsellOffer]);
    // A quantity selector and the merchant's own badge (merchant copy: shown as written).
    await sql(`UPDATE "Offer" SET "maxQuantity" = 2, badge = 'Só hoje' WHERE id = $1`, [shop.upsellOffer]);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Catálogo");
    await expectNoEnglish(page, "storefront");

    await page.goto(`/products/${shop.course.id}`);
    await expect(page.getByTestId("product-price")).toHaveText("US$ 49,00".replace(" ", "\u00a0"));
    await expectNoEnglish(page, "product page");
    await page.getByRole("button", { name: "Comprar agora" }).click();
    const email = newEmail();
    await payOnHostedPage(page, { email, card: "4242424242424242" });
    await page.waitForURL(/\/thank-you\?order=/);
    await expect(page.getByRole("heading", { name: "Obrigado pelo seu pedido!" })).toBeVisible();

    const offer = page.getByTestId("offer");
    await expect(offer).toContainText("Adicione uma mentoria");
    await expect(offer).not.toContainText("Add a coaching call");
    await expect(offer.getByTestId("offer-price")).toContainText("US$\u00a079,20");
    await expect(offer.getByTestId("offer-card")).toContainText("Visa com final 4242");
    await expect(offer.getByTestId("offer-badge")).toHaveText("Só hoje");
    await expectNoEnglish(page, "thank-you with an offer");
    await offer.getByLabel("Quantidade").selectOption("2");
    await expect(offer.getByTestId("offer-total")).toHaveText("2 × US$\u00a079,20 = US$\u00a0158,40");
    await expectNoEnglish(page, "thank-you with two units chosen");

    await offer.getByRole("button", { name: "Aceitar com um clique · US$\u00a0158,40" }).click();
    const added = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
    await expect(added).toHaveAttribute("data-status", "succeeded");
    await expect(added).toContainText("Adicionado ao seu pedido.");
    await expect(added).toContainText(`2 × ${shop.coaching.name} · US$\u00a0158,40`);
    await expectNoEnglish(page, "thank-you after accepting");

    // Stored as the customer's language, for the emails the worker writes later.
    const { rows } = await sql<{ locale: string | null }>(`SELECT locale FROM "Customer" WHERE id = $1`, [await customerIdByEmail(email)]);
    expect(rows[0]?.locale).toBe("pt-BR");

    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sua conta");
    await expectNoEnglish(page, "account");
  });

  test("plan change: the plan page, Dodo's preview and the outcome in Portuguese", async ({ page }) => {
    const ladder = await seedLadder();
    // What each plan includes is the merchant's wording; the headings around it are ours.
    await sql(`UPDATE "Product" SET features = ARRAY['Relatórios'] WHERE id = $1`, [ladder.basic]);
    await sql(`UPDATE "Product" SET features = ARRAY['Relatórios', 'Suporte prioritário'] WHERE id = $1`, [ladder.pro]);
    const s = await subscribe(ladder.basic);
    await signIn(page, s.customerId);
    await page.goto("/account/plan");
    await expect(page.getByTestId("plan-current-name")).toHaveText("Basic");
    const pro = page.locator(`[data-testid="plan-option"][data-product-id="${ladder.pro}"]`);
    await expect(pro.getByTestId("plan-difference")).toHaveText("+US$\u00a050,00/mês");
    await expect(pro.getByTestId("plan-gains")).toHaveText(/^Você ganha\s*Suporte prioritário$/);
    await expectNoEnglish(page, "plan page");

    await pro.getByRole("button", { name: "Fazer upgrade para Pro" }).click();
    const quote = page.getByTestId("quote-panel");
    await expect(quote.getByTestId("quote-charge-now")).toHaveText("US$\u00a050,00");
    await expect(quote.getByTestId("quote-effective")).toHaveText("Imediatamente");
    await expect(quote.getByTestId("quote-next-billing")).toHaveText(/^\d{1,2} de [a-zç]{3}\. de \d{4}$/);
    await expectNoEnglish(page, "plan preview");

    await quote.getByRole("button", { name: "Confirmar upgrade e pagar US$\u00a050,00" }).click();
    await expect(page.getByTestId("plan-current-name")).toHaveText("Pro");
    await expect(page.getByTestId("plan-flow-message")).toContainText("Pronto: agora você está no plano Pro.");
    await expectNoEnglish(page, "plan page after the change");
  });

  test("pause, resume and cancel: the save offer and every outcome in Portuguese", async ({ page }) => {
    const ladder = await seedLadder();
    const { rows: [plan] } = await sql<{ ladderId: string }>(`SELECT "ladderId" FROM "Product" WHERE id = $1`, [ladder.basic]);
    await sql(`INSERT INTO "SaveOffer" (id, "ladderId", reason, kind, "pauseCycles", "updatedAt") VALUES ($1, $2, 'UNUSED', 'PAUSE', 1, now())`, [uid("so_"), plan!.ladderId]);
    const s = await subscribe(ladder.basic);
    await signIn(page, s.customerId);
    await page.goto("/account/plan");
    const section = page.getByTestId("retention");
    await section.getByTestId("cancel-start").click();
    await section.getByLabel("Não estou usando o suficiente").check();
    await section.getByTestId("cancel-continue").click();
    const offer = section.getByTestId("save-offer");
    await expect(offer).toContainText("Nada é cobrado durante a pausa");
    await expect(section.getByTestId("cancel-terms")).toContainText(/até \d{1,2} de [a-zç]{3}\. de \d{4}/);
    await expectNoEnglish(page, "cancel flow: the pause offer");

    await offer.getByTestId("save-offer-accept").click();
    await expect(page.getByTestId("cancel-flow-message")).toContainText(/^Pausada: você não é cobrado e seu acesso ao plano Basic fica suspenso durante a pausa\. Ela é retomada em \d{1,2} de [a-zç]{3}\. de \d{4}/);
    await expectNoEnglish(page, "cancel flow: paused");

    await page.goto("/account/plan");
    await page.getByTestId("resume-now").click();
    await expect(page.getByTestId("resume-now-message")).toContainText(/^Retomada: seu acesso ao plano Basic voltou\./);
    await expectNoEnglish(page, "plan page: resumed");

    await page.getByTestId("cancel-start").click();
    await page.getByLabel("É complicado demais").check();
    await page.getByTestId("cancel-now").click();
    await expect(page.getByTestId("cancel-flow-message")).toContainText(/^Cancelada: sua assinatura termina em \d{1,2} de [a-zç]{3}\. de \d{4}\./);
    await expectNoEnglish(page, "cancel flow: cancelled");
  });

  test("a declined checkout and broken return links: problem pages and their links in Portuguese", async ({ page }) => {
    const shop = await seedJourney();
    await page.goto(`/products/${shop.course.id}`);
    await page.getByRole("button", { name: "Comprar agora" }).click();
    const answered = page.waitForResponse((r) => r.url().includes("/thank-you/confirm"));
    await payOnHostedPage(page, { email: newEmail(), card: "4000000000009995" });
    expect((await answered).status()).toBe(402);
    await expect(page.getByRole("heading", { name: "Seu pagamento não foi concluído" })).toBeVisible();
    await expect(page.getByTestId("problem")).toHaveText("Seu cartão foi recusado por saldo insuficiente. Nada foi cobrado. Você pode tentar de novo com outro cartão.");
    await expect(page.getByRole("link", { name: "Tentar de novo" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Voltar para a loja" })).toBeVisible();
    await expectNoEnglish(page, "declined checkout");

    expect((await page.goto("/thank-you/confirm?token=forged"))!.status()).toBe(403);
    await expect(page.getByTestId("problem")).toHaveText("Este link não é válido ou já foi usado.");
    await expectNoEnglish(page, "forged checkout return");
    expect((await page.goto("/checkout/return"))!.status()).toBe(400);
    await expect(page.getByTestId("problem")).toHaveText("Falta o pagamento neste link. Abra de novo o link do seu checkout.");
    await expectNoEnglish(page, "external return without its payment");
    expect((await page.goto("/checkout/return?payment_id=pay_madeup0000000000000000"))!.status()).toBe(404);
    await expect(page.getByTestId("problem")).toHaveText("Não encontramos esta compra.");
    await expect(page.getByRole("link", { name: "Ir para sua conta" })).toBeVisible();
    await expectNoEnglish(page, "external return of an unknown payment");
  });

  test("the proxy's refusals (a malformed address, a parameter that is not text) in Portuguese", async ({ page }) => {
    expect((await page.goto("/products/%E0%A4%A"))!.status()).toBe(400);
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await expect(page.getByTestId("problem")).toHaveText("Este endereço está malformado. Confira o link ou recomece pela loja.");
    await expect(page.getByRole("link", { name: "Voltar para a loja" })).toBeVisible();
    await expectNoEnglish(page, "malformed address");
    expect((await page.goto("/?q=a%00b"))!.status()).toBe(400);
    await expect(page.getByTestId("problem")).toHaveText("Este endereço tem um parâmetro que não é um texto válido. Confira o link ou recomece pela loja.");
    await expectNoEnglish(page, "parameter that is not text");
  });

  test("a bundle offer on the thank-you page: its heading, list and one price in Portuguese", async ({ page }) => {
    const shop = await seedJourney();
    await sql(`INSERT INTO "OfferBundleItem" (id, "offerId", "productId", position) VALUES ($1, $2, $3, 1), ($4, $2, $5, 2)`, [uid("obi_"), shop.upsellOffer, shop.workbook.id, uid("obi_"), shop.templates.id]);
    await page.goto(`/products/${shop.course.id}`);
    await page.getByRole("button", { name: "Comprar agora" }).click();
    await payOnHostedPage(page, { email: newEmail(), card: "4242424242424242" });
    await page.waitForURL(/\/thank-you\?order=/);
    const offer = page.getByTestId("offer");
    await expect(offer.getByTestId("offer-bundle")).toBeVisible();
    await expect(offer.getByTestId("offer-product")).toHaveText("Pacote com 3 produtos");
    await expect(offer.getByRole("list", { name: "Neste pacote" }).getByTestId("bundle-item")).toHaveCount(3);
    await expect(offer.getByTestId("bundle-item-price").first()).toHaveText("US$\u00a099,00");
    await expect(offer.getByTestId("offer-price")).toHaveText("Todos os 3 por US$\u00a0147,00");
    await expectNoEnglish(page, "thank-you with a bundle");
  });

  test("a hosted offer link's page and a bank return link in Portuguese", async ({ page }) => {
    const key = await createApiKey();
    const moment = `e2e_${uid()}`.slice(0, 40);
    const product = await createProduct("Report pack", 1900);
    const offerId = await insertOffer("CROSS_SELL", product.id, [], "Add the report pack");
    await targetMoment(offerId, moment, {});
    const { customerId } = await subscribe((await seedLadder()).basic);
    const reported = await api(key, "/moments", { customer_id: (await customerOf(customerId)).dodoCustomerId, name: moment, properties: {} });
    expect(reported.status).toBe(201);

    await page.goto(reported.json.offer!.url);
    await expect(page).toHaveURL(/\/account\/offers\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uma oferta para você");
    await expect(page.getByTestId("offer")).toContainText("Add the report pack");
    await expectNoEnglish(page, "hosted offer page");
    // Answered: the page says so, in Portuguese.
    await page.getByRole("button", { name: "Não, obrigado" }).click();
    await expect.poll(async () => (await sql<{ outcome: string }>(`SELECT d.outcome FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."offerId" = $1`, [offerId])).rows[0]?.outcome).toBe("DECLINED");
    await page.reload();
    await expect(page.getByTestId("hosted-offer-closed")).toHaveText(`${product.name}: Você recusou esta oferta. Não vamos mostrá-la de novo.`);
    await expectNoEnglish(page, "hosted offer page, declined");
    // The link again: spent, said on the store's problem page in Portuguese.
    expect((await page.goto(reported.json.offer!.url))?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Este link de oferta não pode ser usado");
    await expect(page.getByTestId("problem")).toHaveText("Este link de oferta já foi usado.");
    await expectNoEnglish(page, "spent offer link");
    expect((await page.goto("/account/login?token=forged"))?.status()).toBe(403);
    await expect(page.getByTestId("problem")).toHaveText("Este link de acesso não é válido ou expirou.");
    await expectNoEnglish(page, "forged sign-in link");

    await page.goto(`/offer/return/${appToken("offer-link", { i: "x" }, 600)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seu pagamento");
    await expect(page.getByTestId("bank-return-problem")).toHaveText("Este link não é válido ou expirou. Sua conta mostra o que você comprou.");
    await expectNoEnglish(page, "bank return, invalid link");
  });

  test("the in-app prompt on a Portuguese page: its words, price, card and the merchant's Portuguese copy", async ({ page }) => {
    const due = await oneClickDue("4242", "Relatórios extras");
    await sql(`INSERT INTO "OfferCopy" ("offerId", locale, headline, body, "updatedAt") VALUES ($1, 'pt-BR', 'Adicione relatórios extras', 'Só hoje no app.', now())`, [due.offerId]);
    const merchant = await merchantPage(due.token, { lang: "pt-BR" });
    try {
      await page.goto(merchant.url);
      const box = prompt(page);
      await expect(box).toHaveAttribute("aria-label", "Oferta");
      await expect(box.locator("h2")).toHaveText("Adicione relatórios extras");
      await expect(page.locator('[data-encore="price"]')).toHaveText("US$\u00a029,00");
      await expect(box).toContainText("Um clique cobra no seu Visa •••• 4242 salvo.");
      await expect(page.locator('[data-encore="decline"]')).toHaveText("Não, obrigado");
      const store = (await page.locator('[data-encore="store"]').textContent()) ?? "";
      await expectNoEnglishIn(box, "in-app prompt", [store]);
      await page.locator('[data-encore="accept"]').click();
      await expect(page.locator('[data-encore="done"]')).toHaveText("Pronto — é seu.", { timeout: 20_000 });
      await expectNoEnglishIn(box, "in-app prompt after accepting", [store]);
    } finally {
      merchant.close();
    }
  });

  test("a missing page and a sign-in page are in Portuguese too", async ({ page }) => {
    await page.goto("/nao-existe");
    await expect(page.getByTestId("not-found")).toContainText("Não encontramos essa página");
    await expectNoEnglish(page, "404");
    await page.goto("/account/sign-in");
    await page.locator("#sign-in-email").fill("nao-e-um-email");
    await page.getByRole("button", { name: "Enviar link de acesso" }).click();
    await expect(page.getByText("Informe o e-mail usado na compra")).toBeVisible();
    await expectNoEnglish(page, "sign-in with an error");
  });
});

test("English by default; the switch changes the language, and the choice is remembered over the browser's", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Catalogue");

  await page.getByTestId("locale-switch").getByRole("button", { name: "Português (Brasil)" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Catálogo");
  expect((await context.cookies()).find((c) => c.name === "encore_locale")?.value).toBe("pt-BR");

  // A new page load (this browser still sends Accept-Language: en-US) stays in Portuguese.
  await page.goto("/account");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sua conta");

  // The merchant console follows the same choice (one cookie for both sides).
  await page.goto("/merchant/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/sign in/i);
  await page.goto("/account");

  await page.getByTestId("locale-switch").getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
