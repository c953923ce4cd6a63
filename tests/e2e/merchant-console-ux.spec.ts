// What a first-time merchant meets in the console: copy that says where an offer really shows,
// links that look like links, the plan ranking in rank order, one save per funnel step; and forms
// a keyboard or screen-reader user can work: errors tied to their fields, focus on the first
// invalid field or on the answer, never dropped to <body>.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { buy, createProduct, newEmail } from "../support/e2e/journey";
import { createMerchant, seedConsole, signIn } from "../support/e2e/merchant";
import { sql } from "../support/e2e/env";

/** What has focus: its tag, id, test id and text (never BODY after an action). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? "", id: el?.id ?? "", testId: el?.dataset.testid ?? "", text: (el?.textContent ?? "").trim().slice(0, 80) };
  });

/** Every invalid control names an existing message in aria-describedby; returns [control id or label, its messages]. */
async function describedErrors(scope: Locator): Promise<[string, string][]> {
  return scope.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].map((el) => {
      const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      const text = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? `<missing #${id}>`).join(" | ");
      return [el.id || el.getAttribute("aria-label") || (el as HTMLInputElement).name, text] as [string, string];
    }),
  );
}

test("the console says where an offer shows: a cross-sell with a trigger product is already on /account without a funnel", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const [course, templates] = await Promise.all([createProduct("Reach course", 4900), createProduct("Reach templates", 1900)]);
  await signIn(page, await createMerchant());
  await page.goto("/merchant/offers/new");
  const name = `Reach cross-sell ${Date.now()}`;
  await page.getByLabel("Name (only you see it)").fill(name);
  await page.getByLabel("Kind").selectOption("CROSS_SELL");
  await page.getByLabel("A purchase of…").check();
  await page.locator(`input[name="triggerProductIds"][value="${course.id}"]`).check();
  await page.getByLabel("Offered product").selectOption(templates.id);
  await page.getByLabel("Headline").fill(`Templates for your course ${name}`);
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByTestId("offer-created")).toHaveText("Offer created. Shown on the account page of customers who bought a trigger product. Add it to a funnel step to offer it right after checkout too.");
  await page.goto("/merchant/offers");
  const row = page.getByTestId("offer-row").filter({ hasText: name });
  await expect(row.getByTestId("offer-reach")).toHaveText(/^Shown on the account page of customers who bought a trigger product/);
  await expect(row).not.toContainText(/not in a funnel|add it to a funnel step to start/i);

  // And it is true: a customer who bought the course sees it on /account, with no funnel involved.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await buy(customer, course.id, { email: newEmail() });
  await expect(async () => {
    await customer.goto("/account");
    await expect(customer.getByText(`Templates for your course ${name}`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await customerContext.close();
});

test("funnel names look like links, the ranking lists plans by rank, and a funnel step has one save button", async ({ page }) => {
  const seed = await seedConsole();
  await signIn(page, await createMerchant());

  await page.goto("/merchant/funnels");
  const link = page.getByTestId("funnel-row").getByRole("link", { name: `Console funnel ${seed.funnelId}` });
  const style = await link.evaluate((el) => ({ decoration: getComputedStyle(el).textDecorationLine, color: getComputedStyle(el).color, text: getComputedStyle(el.closest("td")!).color }));
  expect(style.decoration).toContain("underline");
  expect(style.color).not.toBe(style.text);

  await page.goto("/merchant/products");
  const ladder = page.locator("section").filter({ has: page.getByRole("heading", { name: `Console ladder ${seed.ladderId}` }) });
  const ranks = ladder.getByRole("form", { name: "Plan ranking" }).getByRole("textbox");
  // Rank 1 (Starter) before rank 2 (Advanced), though "Advanced" sorts first by name.
  await expect(ranks.nth(0)).toHaveAccessibleName(/^Rank of Starter plan /);
  await expect(ranks.nth(0)).toHaveValue("1");
  await expect(ranks.nth(1)).toHaveAccessibleName(/^Rank of Advanced plan /);
  await expect(ranks.nth(1)).toHaveValue("2");
  // The products table lists that ladder's plans in rank order too, named with their rank.
  const ladderCells = page.getByTestId("products-table").getByRole("cell", { name: new RegExp(`^Console ladder ${seed.ladderId} · rank`) });
  await expect(ladderCells).toHaveText([`Console ladder ${seed.ladderId} · rank 1`, `Console ladder ${seed.ladderId} · rank 2`]);

  await page.goto(`/merchant/funnels/${seed.funnelId}`);
  const cards = page.locator("section").filter({ has: page.getByTestId("funnel-step") });
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    await expect(card.getByRole("button")).toHaveText(["Remove", "Save step"]);
  }
  // That one save sets what the step shows, where it leads and that customers start there.
  const second = cards.nth(1);
  await second.getByLabel("Variant A offer").selectOption(seed.offerId);
  await second.getByLabel("Variant A weight (%)").fill("100");
  await second.getByLabel("When accepted").selectOption({ label: "Step 1: Upsell" });
  await second.getByLabel("Start the funnel at this step").check();
  await second.getByRole("button", { name: "Save step" }).click();
  await expect(second.getByTestId("form-success")).toHaveText("Step saved.");
  const { rows } = await sql<{ entry: string; accept: string | null; variants: number }>(
    `SELECT f."entryStepId" AS entry, s."onAcceptStepId" AS accept, (SELECT count(*)::int FROM "StepVariant" v WHERE v."stepId" = s.id) AS variants
     FROM "Funnel" f JOIN "FunnelStep" s ON s."funnelId" = f.id AND s.position = 2 WHERE f.id = $1`, [seed.funnelId]);
  const first = await sql<{ id: string }>(`SELECT id FROM "FunnelStep" WHERE "funnelId" = $1 AND position = 1`, [seed.funnelId]);
  expect(rows[0]).toMatchObject({ accept: first.rows[0]!.id, variants: 1 });
  expect(rows[0]!.entry).not.toBe(first.rows[0]!.id);
  await expect(cards.nth(1).getByRole("heading")).toContainText("Entry");
});

test("field errors are tied to their fields and focus goes to the first invalid one", async ({ page }) => {
  const product = (await createProduct("Focus add-on", 2500)).id;
  await signIn(page, await createMerchant());
  await page.goto("/merchant/offers/new");
  await page.getByLabel("A purchase of…").check();
  await page.getByLabel("Discount (%)").fill("120");
  await page.getByRole("button", { name: "Create offer" }).click();
  const form = page.getByRole("form", { name: "Offer" });
  await expect(page.getByTestId("error-name")).toBeVisible();
  expect(await focused(page)).toMatchObject({ tag: "INPUT", id: "name" });
  expect(await describedErrors(form)).toEqual(expect.arrayContaining([
    ["name", "Give the offer a name"],
    ["offeredProductId", "Choose the product to offer"],
    ["discountBps", "Off the product's price (a bundle's: off every product in it); 0 for none. | Discount must be between 0% and 95%"],
    ["headline", "Write a headline"],
    ["triggerProductIds", expect.stringContaining("Pick at least one trigger product")],
  ]));
  await expect(page.getByLabel("Name (only you see it)")).toHaveAccessibleDescription("Give the offer a name");

  // An error only the server finds (the currency's decimals): focus lands on that field.
  await page.getByLabel("Name (only you see it)").fill(`Focus offer ${Date.now()}`);
  await page.getByLabel("Any purchase").check();
  await page.getByLabel("Offered product").selectOption(product);
  await page.getByLabel("Discount (%)").fill("0");
  await page.getByLabel("Headline").fill("Focus");
  await page.getByLabel("Minimum order value").fill("19.999");
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByTestId("error-minOrder")).toHaveText("Too many decimals for USD");
  await expect.poll(() => focused(page)).toMatchObject({ tag: "INPUT", id: "minOrder" });
  await expect(page.getByLabel("Minimum order value")).toHaveAccessibleDescription(/Too many decimals for USD/);

  // A funnel step's variant rows: the weights' sum error describes every used row.
  const seed = await seedConsole();
  await page.goto(`/merchant/funnels/${seed.funnelId}`);
  const step = page.getByRole("form", { name: "Edit step" }).first();
  await step.getByLabel("Variant A weight (%)").fill("30");
  await step.getByRole("button", { name: "Save step" }).click();
  await expect(step.getByTestId("error-variantWeight")).toHaveText("Variant weights must add up to 100% (now 30%)");
  await expect(step.getByLabel("Variant A weight (%)")).toBeFocused();
  await expect(step.getByLabel("Variant A weight (%)")).toHaveAccessibleDescription("Variant weights must add up to 100% (now 30%)");
});

test("after an action focus is on its answer or the page, never on <body>", async ({ page }) => {
  test.setTimeout(120_000);
  const merchant = await createMerchant();
  await page.goto("/merchant/sign-in");
  await page.getByLabel("Email").fill(merchant.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ testId: "form-error" });

  const seed = await seedConsole();
  await signIn(page, merchant);
  // Save with the keyboard: focus on "Offer saved." (the form is rebuilt with the answer).
  await page.goto(`/merchant/offers/${seed.offerId}`);
  await page.getByLabel("Headline").fill("A sharper headline");
  await page.getByRole("button", { name: "Save offer" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("form-success")).toHaveText("Offer saved.");
  await expect.poll(() => focused(page)).toMatchObject({ testId: "form-success" });

  // Pause and resume: focus stays on the button.
  await page.getByRole("button", { name: /^Pause / }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /^Resume / })).toBeVisible();
  // The button's text names the record too (for screen readers); it starts with what it does.
  await expect.poll(async () => (await focused(page)).text).toMatch(/^Resume /);

  // Removing a step takes its card away: focus goes to the page heading.
  await page.goto(`/merchant/funnels/${seed.funnelId}`);
  await page.getByRole("button", { name: "Remove step 2: Second" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("funnel-step")).toHaveCount(1);
  await expect.poll(() => focused(page)).toMatchObject({ tag: "H1" });

  // Creating an offer redirects to it: focus on "Offer created."
  await page.goto("/merchant/offers/new");
  await page.getByLabel("Name (only you see it)").fill(`Keyboard offer ${Date.now()}`);
  await page.getByLabel("Offered product").selectOption({ index: 1 });
  await page.getByLabel("Headline").fill("Made with the keyboard");
  await page.getByLabel("Headline").press("Enter");
  await expect(page.getByTestId("offer-created")).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ testId: "offer-created" });
});

test("a missing console page or record is a 404 inside the console, with the way back; signed out, it asks to sign in", async ({ page }) => {
  await page.goto("/merchant/nope");
  await expect(page).toHaveURL(/\/merchant\/sign-in/);
  await signIn(page, await createMerchant());
  for (const path of ["/merchant/nope", "/merchant/offers/off_deleted", "/merchant/funnels/fnl_deleted", "/merchant/offers/off_deleted/extra"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page, path).toHaveTitle("Page not found · Encore merchant");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("navigation", { name: "Merchant console" })).toBeVisible();
    await expect(page.getByTestId("merchant-email")).toBeVisible();
  }
  await page.getByRole("link", { name: "All offers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offers");
});
