// The merchant console in Brazilian Portuguese: a browser that prefers pt-BR signs in (a refused
// password is answered in Portuguese), and the console's pages show no English from the catalogue
// outside what the merchant wrote (offer, funnel and product names, headlines:
// tests/e2e/support/english-leftovers.ts). The language switch turns the console back to English.
import { expect, test } from "@playwright/test";
import { createMerchant, seedConsole } from "../support/e2e/merchant";
import { expectNoEnglish } from "./support/english-leftovers";

test.describe.configure({ timeout: 120_000 });

test.describe("the console in Brazilian Portuguese", () => {
  test.use({ locale: "pt-BR" });

  test("sign-in and its refusal, overview, offers, the offer editor, funnels and branding", async ({ page }) => {
    const seed = await seedConsole();
    const merchant = await createMerchant();

    await page.goto("/merchant/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Painel do lojista");
    await expectNoEnglish(page, "sign-in");
    await page.getByLabel("E-mail").fill(merchant.email);
    await page.getByLabel("Senha").fill("not-the-password");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("E-mail ou senha incorretos.");
    await expectNoEnglish(page, "sign-in refused");

    await page.getByLabel("Senha").fill(merchant.password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL(/\/merchant$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Visão geral");
    await expectNoEnglish(page, "overview");

    await page.getByRole("navigation", { name: "Painel do lojista" }).getByRole("link", { name: "Ofertas" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ofertas");
    const row = page.getByTestId("offer-row").filter({ hasText: `Console cross-sell ${seed.crossSellId}` });
    await expect(row).toContainText("Venda cruzada");
    await expect(row.getByTestId("offer-reach")).toHaveText("Exibida na página de conta dos clientes que compraram um produto gatilho. Adicione-a a uma etapa de funil para oferecê-la logo após o checkout também.");
    await expectNoEnglish(page, "offers list");

    await page.goto(`/merchant/offers/${seed.offerId}`);
    await expect(page.getByLabel("Nome (só você vê)")).toHaveValue(`Console upsell ${seed.offerId}`);
    await expect(page.getByText("Exibida após o checkout em 1 etapa de funil.")).toBeVisible();
    await expectNoEnglish(page, "offer editor");
    await page.getByRole("button", { name: "Salvar oferta" }).click();
    await expect(page.getByTestId("form-success")).toHaveText("Oferta salva.");
    await expectNoEnglish(page, "offer saved");
    // The offer schema's field messages (named by catalogue key) in Portuguese: an empty headline and a discount out of range.
    await page.locator("#headline").fill("");
    await page.locator("#discountBps").fill("120");
    await page.getByRole("button", { name: "Salvar oferta" }).click();
    await expect(page.getByTestId("error-headline")).toHaveText("Escreva um título");
    await expect(page.getByTestId("error-discountBps")).toHaveText("Desconto deve estar entre 0% e 95%");
    await expectNoEnglish(page, "offer refused");

    await page.goto("/merchant/offers/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nova oferta");
    await expectNoEnglish(page, "new offer");

    await page.goto("/merchant/funnels");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Funis");
    await expectNoEnglish(page, "funnels");

    await page.goto("/merchant/store");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Marca da loja");
    await expectNoEnglish(page, "store branding");

    // The switch (the store's cookie): the console is in English from then on, lang="en".
    await page.getByTestId("locale-switch").getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Store branding");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/merchant/offers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offers");
  });

  test("stats, retention, integrations, products, refunds, events, attention and test-as-a-customer", async ({ page }) => {
    const seed = await seedConsole();
    const merchant = await createMerchant();
    await page.goto("/merchant/sign-in");
    await page.getByLabel("E-mail").fill(merchant.email);
    await page.getByLabel("Senha").fill(merchant.password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL(/\/merchant$/);

    // Stats: the seeded funnel's chart and table, the plan-change tables, retention, the settings form.
    await page.goto(`/merchant/stats?funnel=${seed.funnelId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Estatísticas das ofertas");
    await expect(page.getByTestId("csv-link")).toHaveText("Exportar CSV");
    await expect(page.getByTestId("funnel-table")).toContainText("Etapa 1:");
    await expect(page.getByTestId("plan-changes-by-origin")).toContainText("Página de planos");
    await expect(page.getByTestId("retention-stats")).toContainText("Tentativas de cancelamento");
    await expectNoEnglish(page, "stats");
    // A schema's field message (named by catalogue key) in Portuguese, then a save of the value as it was.
    const days = page.getByLabel("Contar receita após (dias)");
    const stored = await days.inputValue();
    await days.fill("999");
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(page.getByTestId("error-revenueMaturityDays")).toHaveText("Informe no máximo 365 dias");
    await days.fill(stored);
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(page.getByTestId("form-success")).toHaveText(/^Salvo: os pagamentos contam como receita/);
    await expectNoEnglish(page, "stats settings saved");

    // Save offers: the seeded ladder's forms, one per reason as the customer reads it; a save and the holdout answer in Portuguese.
    await page.goto(`/merchant/retention?ladder=${seed.ladderId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ofertas de retenção");
    const tooExpensive = page.locator('[data-testid="save-offer-form"][data-reason="TOO_EXPENSIVE"]');
    await tooExpensive.getByLabel("Oferta", { exact: true }).selectOption("PAUSE");
    await tooExpensive.getByLabel("Duração da pausa (ciclos de cobrança)").fill("2");
    await tooExpensive.getByRole("button", { name: "Salvar oferta" }).click();
    await expect(tooExpensive.getByTestId("form-success")).toHaveText("Oferta de retenção salva.");
    await expectNoEnglish(page, "save offers");
    const holdout = page.getByTestId("holdout-form");
    await holdout.getByLabel("Controle (% das tentativas de cancelamento sem oferta)").fill("12.5");
    await holdout.getByRole("button", { name: "Salvar controle" }).click();
    await expect(holdout.getByTestId("form-success")).toHaveText("Controle definido em 12,5%.");
    await expectNoEnglish(page, "save offers holdout");

    // Integrations: a new key's secret, then a new endpoint and its own page, all answered in Portuguese.
    await page.goto("/merchant/integrations");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integrações");
    await expectNoEnglish(page, "integrations");
    await page.getByLabel("Nome da chave").fill(`Chave ${seed.offerId}`);
    await page.getByLabel("Escopo").selectOption({ label: "Leitura e escrita" });
    await page.getByRole("button", { name: "Criar chave" }).click();
    await expect(page.getByTestId("form-success")).toHaveText(`Chave "Chave ${seed.offerId}" criada. Copie agora: ela não aparece de novo.`);
    await expect(page.getByTestId("new-api-key")).toBeVisible();
    await expectNoEnglish(page, "integrations, key created");
    await page.getByLabel("URL do endpoint").fill(`https://hooks.example.com/${seed.offerId}`);
    await page.getByRole("button", { name: "Adicionar endpoint" }).click();
    await page.waitForURL(/\/merchant\/integrations\/endpoints\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Endpoint de webhook");
    await expect(page.getByRole("status")).toHaveText("Endpoint adicionado. Coloque o segredo de assinatura dele no seu app e depois envie um evento de teste.");
    await expectNoEnglish(page, "webhook endpoint");
    await page.getByRole("button", { name: "Salvar endpoint" }).click();
    await expect(page.getByTestId("form-success")).toHaveText("Endpoint salvo.");
    await expectNoEnglish(page, "webhook endpoint saved");

    // Products and plan ladders: the seeded ladder's policy, ranking and what each plan includes, saved in Portuguese.
    await page.goto("/merchant/products");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Produtos");
    await expectNoEnglish(page, "products");
    const ladder = page.locator("section").filter({ has: page.getByRole("heading", { name: `Console ladder ${seed.ladderId}` }) });
    await ladder.getByRole("form", { name: "Ordem dos planos" }).getByRole("button", { name: "Salvar ordem" }).click();
    await expect(ladder.getByRole("form", { name: "Ordem dos planos" }).getByTestId("form-success")).toHaveText("Ordem dos planos salva.");
    await ladder.getByRole("form", { name: "Escada de planos" }).getByRole("button", { name: "Salvar regras" }).click();
    await expect(ladder.getByRole("form", { name: "Escada de planos" }).getByTestId("form-success")).toHaveText("Regras de mudança de plano salvas.");
    const planValue = ladder.getByRole("form", { name: /inclui$/ }).first();
    await planValue.getByRole("button", { name: "Salvar detalhes do plano" }).click();
    await expect(planValue.getByTestId("form-success")).toHaveText("Detalhes do plano salvos.");
    await expectNoEnglish(page, "products, ladder saved");

    // Refunds: the seeded offer purchase with its refund form.
    await page.goto("/merchant/refunds");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reembolsos");
    await expect(page.getByRole("form", { name: /^Reembolsar / }).first().getByRole("button", { name: "Reembolsar" })).toBeVisible();
    await expectNoEnglish(page, "refunds");

    // Webhook events and needs attention: the seeded failed event, its outcome and the worker's part in Portuguese.
    await page.goto("/merchant/events");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eventos de webhook");
    await expect(page.getByTestId("failed-events").getByRole("button", { name: "Reprocessar" }).first()).toBeVisible();
    await expectNoEnglish(page, "events");
    await page.goto("/merchant/attention");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Precisa de atenção");
    await expect(page.getByTestId("attention-events")).toContainText("entregue");
    await expectNoEnglish(page, "needs attention");

    // Test as a customer: the form, and an unknown customer answered in Portuguese.
    await page.goto("/merchant/offers/test");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Testar como cliente");
    await expectNoEnglish(page, "test as a customer");
    await page.getByLabel("Cliente", { exact: true }).fill(`ninguem-${seed.offerId}@example.com`);
    await page.getByRole("button", { name: "Testar" }).click();
    await expect(page.getByRole("status")).toHaveText(`Nenhum cliente corresponde a “ninguem-${seed.offerId}@example.com”.`);
    await expectNoEnglish(page, "test as a customer, no match");

    // A funnel's own page: its steps, their forms and the experiment panel; a step saved in Portuguese.
    await page.goto(`/merchant/funnels/${seed.funnelId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Console funnel ${seed.funnelId}`);
    await expectNoEnglish(page, "funnel page");
    const firstStep = page.getByRole("form", { name: "Editar etapa" }).first();
    await firstStep.getByRole("button", { name: "Salvar etapa" }).click();
    await expect(firstStep.getByTestId("form-success")).toHaveText("Etapa salva.");
    await expectNoEnglish(page, "funnel page, step saved");
  });
});
