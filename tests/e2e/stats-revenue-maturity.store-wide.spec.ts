// "Count revenue after N days" is one setting for the whole store, so this spec runs in its own
// project after every other spec (playwright.config.ts): no other spec's revenue figures move
// while it holds a wait. It leaves the wait at 0, the default.
import { expect, test, type Page } from "@playwright/test";
import { createMerchant, seedConsole, signIn } from "../support/e2e/merchant";

const revenueCell = (page: Page, offerId: string) => page.locator(`[data-testid="stats-line"][data-level="offer"][data-offer-id="${offerId}"] [data-col="revenue"]`);

async function setWait(page: Page, days: string) {
  const form = page.getByRole("form", { name: "Counting revenue" });
  await form.getByLabel("Count revenue after (days)").fill(days);
  await form.getByRole("button", { name: "Save" }).click();
}

test.afterEach(async ({ page }) => {
  await page.goto("/merchant/stats");
  await setWait(page, "0");
  await expect(page.getByTestId("form-success")).toContainText("at once");
});

test("with a 14-day wait, today's offer revenue shows as pending (table, totals, CSV) until the wait is lifted", async ({ page }) => {
  test.setTimeout(120_000);
  const seed = await seedConsole(); // an accepted $25.00 offer today
  await signIn(page, await createMerchant());
  await page.goto(`/merchant/stats?funnel=${seed.funnelId}`);
  await expect(revenueCell(page, seed.offerId)).toHaveText("$25.00");

  await setWait(page, "400");
  await expect(page.getByTestId("error-revenueMaturityDays")).toContainText("at most 365");

  await setWait(page, "14");
  await expect(page.getByTestId("form-success")).toHaveText("Saved: payments count as revenue once 14 days old.");
  await page.reload();
  await expect(page.getByLabel("Count revenue after (days)")).toHaveValue("14");
  await expect(revenueCell(page, seed.offerId)).toHaveText("$0.00+ $25.00 pending");
  await expect(page.getByTestId("total-pending")).toContainText("pending");
  await expect(page.getByText("counted once a payment is 14 days old")).toBeVisible();

  const res = await page.request.get((await page.getByTestId("csv-link").getAttribute("href"))!);
  const [header, ...rows] = (await res.text()).trim().split("\r\n").map((l) => l.split(","));
  const row = rows.find((r) => r[0] === "offer" && r[1] === seed.offerId)!;
  expect(row[header!.indexOf("pending_USD")]).toBe("25.00");
  expect(row[header!.indexOf("revenue_USD")]).toBe("0.00");

  await setWait(page, "0");
  await expect(page.getByTestId("form-success")).toHaveText("Saved: payments count as revenue at once.");
  await page.reload();
  await expect(revenueCell(page, seed.offerId)).toHaveText("$25.00");
});
