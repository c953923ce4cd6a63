// Refunding an offer purchase from the console through Dodo (the sandbox): partial with a reason,
// an amount above what is left refused before Dodo is asked, and a refund whose answer is lost
// recorded as unknown, never resent, and resolved by the worker from what Dodo then lists. A
// bundle is refunded as its one payment: its products named, a partial refund spread over its
// lines, access kept until the refund is full, then revoked for every product.
import { expect, test, type Page } from "@playwright/test";
import { buy, customerIdByEmail, hasEntitlement, newEmail, seedJourney } from "../support/e2e/journey";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { control, dodo, sql, uid } from "../support/e2e/env";

test.describe.configure({ timeout: 180_000 });

async function refund(merchant: Page, paymentId: string, amount: string, reason: string) {
  await merchant.goto("/merchant/refunds");
  const row = merchant.locator(`[data-testid="offer-purchase"][data-payment-id="${paymentId}"]`);
  await row.getByLabel(/^Amount/).fill(amount);
  await row.getByLabel("Reason").fill(reason);
  await row.getByRole("button", { name: "Refund" }).click();
  return row;
}

const refundsAtDodo = async (paymentId: string) => (await dodo().payments.retrieve(paymentId)).refunds;

test("refund part of an accepted upsell with a reason, then the rest through a lost answer the worker resolves", async ({ page, browser }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await page.getByTestId("offer").getByRole("button", { name: /Accept — one click/ }).click();
  await expect(page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name })).toContainText("Access granted.");
  const { rows } = await sql<{ id: string }>(`SELECT p.id FROM "Payment" p JOIN "Customer" c ON c.id = p."customerId" WHERE c.email = $1 AND p."impressionId" IS NOT NULL AND p.status = 'SUCCEEDED'`, [email]);
  const paymentId = rows[0]!.id;

  const merchant = await (await browser.newContext()).newPage();
  await signIn(merchant, await createMerchant());
  let row = await refund(merchant, paymentId, "10", "Goodwill: late delivery");
  await expect(row.getByTestId("form-success")).toContainText("Refund of $10.00 sent to Dodo");
  const first = await refundsAtDodo(paymentId);
  expect(first.map((r) => ({ amount: r.amount, reason: r.reason, is_partial: r.is_partial }))).toEqual([{ amount: 1000, reason: "Goodwill: late delivery", is_partial: true }]);
  await expect.poll(async () => (await sql<{ status: string }>(`SELECT status FROM "Refund" WHERE "paymentId" = $1`, [paymentId])).rows.map((r) => r.status), { timeout: 30_000 }).toEqual(["succeeded"]);

  row = await refund(merchant, paymentId, "89.01", "Too much");
  await expect(row.getByTestId("error-amount")).toHaveText("At most $89.00 is left to refund");
  expect(await refundsAtDodo(paymentId)).toHaveLength(1);

  // Dodo makes the refund but its answer is lost: unknown, not failed, and not sent again.
  // (Used up by this one call: times 1. Other specs' faults are left alone.)
  await control("POST", "/_sandbox/faults", { endpoint: "POST /refunds", lose_answer: 502, times: 1 });
  row = await refund(merchant, paymentId, "", "Customer asked for the rest back");
  await expect(row.getByTestId("form-success")).toContainText("Dodo did not answer");
  const request = async () => (await sql<{ status: string; dodoRefundId: string | null }>(`SELECT status, "dodoRefundId" FROM "RefundRequest" WHERE "paymentId" = $1 AND reason = 'Customer asked for the rest back'`, [paymentId])).rows[0];
  await expect.poll(async () => (await request())?.status, { timeout: 90_000, intervals: [2000] }).toBe("MADE");
  const atDodo = await refundsAtDodo(paymentId);
  expect(atDodo.map((r) => r.amount).sort()).toEqual([1000, 8900]);
  expect((await request())!.dodoRefundId).toBe(atDodo.find((r) => r.amount === 8900)!.refund_id);
  await merchant.reload();
  const done = merchant.locator(`[data-testid="offer-purchase"][data-payment-id="${paymentId}"]`);
  await expect(done).toContainText("Refunded in full");
  await expect(done.getByTestId("refund-list")).toContainText("Refund $89.00");
});

test("a bundle's payment: its products named, a partial refund above the first product's line spread over the others, access kept until the rest is refunded", async ({ page, browser }) => {
  const shop = await seedJourney();
  // The upsell sells coaching ($99) + workbook ($29) + templates ($19): $147.00 in one payment.
  await sql(`INSERT INTO "OfferBundleItem" (id, "offerId", "productId", position) VALUES ($1, $2, $3, 1), ($4, $2, $5, 2)`, [uid("obi_"), shop.upsellOffer, shop.workbook.id, uid("obi_"), shop.templates.id]);
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await page.getByTestId("offer").getByRole("button", { name: "Accept — one click · $147.00" }).click();
  await expect(page.getByTestId("answered-offer")).toContainText("Access granted.");
  const customerId = await customerIdByEmail(email);
  const { rows } = await sql<{ id: string }>(`SELECT p.id FROM "Payment" p WHERE p."customerId" = $1 AND p."impressionId" IS NOT NULL AND p.status = 'SUCCEEDED'`, [customerId]);
  const paymentId = rows[0]!.id;

  const merchant = await (await browser.newContext()).newPage();
  await signIn(merchant, await createMerchant());
  await merchant.goto("/merchant/refunds");
  const listed = merchant.locator(`[data-testid="offer-purchase"][data-payment-id="${paymentId}"]`);
  await expect(listed.getByTestId("purchase-bundle")).toHaveText(`Bundle: ${shop.coaching.name} + ${shop.workbook.name} + ${shop.templates.name}`);
  await expect(listed).toContainText("Blank: all $147.00, the whole bundle");
  await expect(listed.getByTestId("bundle-refund-note")).toHaveText("A full refund revokes all 3 products; a partial refund keeps their access.");

  // $100 is more than coaching's line ($99): Dodo takes it per line, so it is spread over the next one.
  let row = await refund(merchant, paymentId, "100", "Coaching call cancelled");
  await expect(row.getByTestId("form-success")).toContainText("Refund of $100.00 sent to Dodo");
  expect((await refundsAtDodo(paymentId)).map((r) => ({ amount: r.amount, is_partial: r.is_partial }))).toEqual([{ amount: 10000, is_partial: true }]);
  const lines = await dodo().payments.retrieveLineItems(paymentId);
  expect(lines.items.map((i) => [i.items_id, i.refundable_amount])).toEqual([[shop.coaching.id, 0], [shop.workbook.id, 2800], [shop.templates.id, 1900]]);
  await expect.poll(async () => (await sql<{ refundState: string }>(`SELECT "refundState" FROM "Payment" WHERE id = $1`, [paymentId])).rows[0]!.refundState, { timeout: 30_000 }).toBe("PARTIAL");
  // A partial refund revokes nothing (the whole-payment rule, lib/refunds/refund.ts).
  for (const product of [shop.coaching, shop.workbook, shop.templates]) expect(await hasEntitlement(customerId, product.id)).toBe(true);

  // The rest: once sent, nothing is left to refund, so the row says so in place of its form.
  row = await refund(merchant, paymentId, "", "Customer asked for the rest back");
  await expect(row).toContainText("Refunded in full");
  await expect(row.getByTestId("refund-list")).toContainText("Refund $47.00");
  await expect.poll(async () => (await sql<{ productId: string }>(`SELECT "productId" FROM "Entitlement" WHERE "sourceId" = $1 AND status = 'REVOKED'`, [paymentId])).rows.map((r) => r.productId).sort(), { timeout: 30_000 })
    .toEqual([shop.coaching.id, shop.workbook.id, shop.templates.id].sort());
  expect((await refundsAtDodo(paymentId)).map((r) => r.amount).sort()).toEqual([10000, 4700]);
});
