// The offer editor's live preview: the real customer offer panel, in the store's branding, in a
// desktop-width and a phone-width frame, following the form as the merchant types, before saving.
import { expect, test } from "@playwright/test";
import { createProduct } from "../support/e2e/journey";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { sql } from "../support/e2e/env";

test.describe.configure({ timeout: 150_000 });

test("the preview shows what the customer will see at desktop and phone width, live, and charges nothing", async ({ page, baseURL }) => {
  const product = await createProduct("Preview sticker pack", 1250);
  await signIn(page, await createMerchant());
  await page.goto("/merchant/offers/new");
  const desktop = page.frameLocator('[data-testid="offer-preview-desktop"]');
  const phone = page.frameLocator('[data-testid="offer-preview-phone"]');
  await expect(desktop.getByTestId("preview-empty")).toBeVisible();

  await page.getByLabel("Offered product").selectOption(product.id);
  await page.getByLabel("Headline").fill("Stick it everywhere");
  await page.getByLabel("Copy").fill("Three designs, printed on vinyl.");
  await page.getByLabel("Discount (%)").fill("20");
  for (const frame of [desktop, phone]) {
    const offer = frame.getByTestId("offer");
    await expect(offer.getByRole("heading", { name: "Stick it everywhere" })).toBeVisible();
    await expect(offer).toContainText("Three designs, printed on vinyl.");
    await expect(offer.getByTestId("offer-price")).toContainText("$10.00");
    await expect(offer.getByTestId("offer-product")).toHaveText(product.name);
    await expect(offer.getByTestId("offer-remaining")).toHaveText(/^1[45]:\d\d$/);
    await expect(offer.getByRole("button", { name: "Accept — one click · $10.00" })).toBeVisible();
  }
  // The frames are the widths they say: the phone frame lays the store out as a phone does.
  expect(await phone.locator("body").evaluate(() => window.innerWidth)).toBe(390);
  expect(await desktop.locator("body").evaluate(() => window.innerWidth)).toBe(1024);

  // Picture and quantity follow too.
  await page.getByLabel("Picture address").fill(`${baseURL}/screenshot.png`);
  await page.getByLabel("Most units per customer").fill("4");
  const phoneOffer = phone.getByTestId("offer");
  await expect(phoneOffer.getByTestId("offer-image")).toHaveAttribute("src", `${baseURL}/screenshot.png`);
  await phoneOffer.getByLabel("Quantity").selectOption("4");
  await expect(phoneOffer.getByTestId("offer-total")).toHaveText("4 × $10.00 = $40.00");
  // On a phone the picture spans the card; on a desktop it sits beside the text.
  const phoneImage = await phoneOffer.getByTestId("offer-image").boundingBox();
  const desktopImage = await desktop.getByTestId("offer").getByTestId("offer-image").boundingBox();
  expect(phoneImage!.width).toBeGreaterThan(250);
  expect(desktopImage!.width).toBeLessThan(150);

  // Pressing Accept in the preview charges nobody.
  await phoneOffer.getByRole("button", { name: /Accept — one click/ }).click();
  await expect(phoneOffer.getByTestId("offer-status")).toContainText("This is a preview: nothing is charged.");
  const { rows } = await sql(`SELECT count(*)::int AS n FROM "ChargeAttempt" a JOIN "OfferImpression" i ON i.id = a."impressionId" JOIN "Offer" o ON o.id = i."offerId" WHERE o."offeredProductId" = $1`, [product.id]);
  expect(rows[0]!.n).toBe(0);
});

test("the preview page is for merchants only and may be framed by the console alone", async ({ page, request }) => {
  const anonymous = await request.get("/merchant/offers/preview");
  expect(anonymous.url()).toContain("/merchant/sign-in");
  await signIn(page, await createMerchant());
  const framed = await page.goto("/merchant/offers/preview");
  expect(framed!.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(framed!.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  const editor = await page.goto("/merchant/offers/new");
  expect(editor!.headers()["x-frame-options"]).toBe("DENY");
});
