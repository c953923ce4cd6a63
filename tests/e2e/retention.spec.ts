// Subscribers on their way out: the cancel flow on /account/plan with the merchant's save offers
// (set in the console), pause and resume, cancellation at the period end with its undo, the
// holdout, and the retention stats. Against the app, the sandbox, Postgres and the worker.
import { expect, test, type Page } from "@playwright/test";
import { hashPoints } from "../../lib/experiments/bucket";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { dodoSubscription, renewNow, seedLadder, signIn, subscribe, type Ladder, type Policy } from "../support/e2e/plans";
import { createMerchant, signIn as merchantSignIn } from "../support/e2e/merchant";
import { sql } from "../support/e2e/env";

// Every test here walks several pages and Dodo round trips; on a loaded machine that takes a while.
test.describe.configure({ timeout: 180_000 });

async function ladderIdOf(ladder: Ladder): Promise<string> {
  const { rows } = await sql<{ ladderId: string }>(`SELECT "ladderId" FROM "Product" WHERE id = $1`, [ladder.basic]);
  return rows[0]!.ladderId;
}

/** The merchant sets a save offer for one reason of this ladder in the console. */
async function setSaveOffer(page: Page, ladderId: string, reason: string, offer: { kind: string; plan?: string; cycles?: string; percent?: string; discountCycles?: string }) {
  await page.goto(`/merchant/retention?ladder=${ladderId}`);
  const form = page.locator(`[data-testid="retention-ladder"][data-ladder="${ladderId}"] [data-testid="save-offer-form"][data-reason="${reason}"]`);
  await form.getByLabel("Offer").selectOption(offer.kind);
  // Only the chosen kind's fields are on the form.
  await expect(form.getByLabel("Pause length (billing cycles)")).toHaveCount(offer.kind === "PAUSE" ? 1 : 0);
  await expect(form.getByLabel("Discount (% off)")).toHaveCount(offer.kind === "DISCOUNTED_PLAN" ? 1 : 0);
  await expect(form.getByLabel("Plan", { exact: true })).toHaveCount(offer.kind === "PAUSE" ? 0 : 1);
  if (offer.plan) await form.getByLabel("Plan", { exact: true }).selectOption({ label: offer.plan });
  if (offer.cycles) await form.getByLabel("Pause length (billing cycles)").fill(offer.cycles);
  if (offer.percent) await form.getByLabel("Discount (% off)").fill(offer.percent);
  if (offer.discountCycles) await form.getByLabel("Discount length (billing cycles)").fill(offer.discountCycles);
  await form.getByRole("button", { name: "Save offer" }).click();
  await expect(form.getByText("Save offer saved.")).toBeVisible();
}

async function merchantLadder(page: Page, policy: Policy = {}) {
  const ladder = await seedLadder(policy);
  const ladderId = await ladderIdOf(ladder);
  await merchantSignIn(page, await createMerchant());
  return { ladder, ladderId };
}

/** A subscriber signs in, opens the plan page and gives `reason` in the cancel flow. */
async function giveReason(page: Page, customerId: string, reason: string, comment = "") {
  await page.context().clearCookies();
  await signIn(page, customerId);
  await page.goto("/account/plan");
  const section = page.getByTestId("retention");
  await section.getByTestId("cancel-start").click();
  await section.getByLabel(reason).check();
  if (comment) await section.getByLabel("Anything else you would like to tell us? (optional)").fill(comment);
  await section.getByTestId("cancel-continue").click();
  await expect(section.getByTestId("cancel-confirm")).toBeVisible();
  return section;
}

async function entitlement(customerId: string, productId: string) {
  const { rows } = await sql<{ status: string }>(`SELECT status FROM "Entitlement" WHERE "customerId" = $1 AND "productId" = $2`, [customerId, productId]);
  return rows[0]?.status ?? null;
}

/** What the customer's account page lists under "Your products" (access as of now). */
async function owned(page: Page): Promise<string[]> {
  await page.goto("/account");
  const list = page.getByTestId("owned-products");
  return (await list.count()) ? list.locator("li").allTextContents() : [];
}

test("too expensive → cheaper-plan save offer → accepted: the plan changes at the sandbox and the stats count a save", async ({ page }) => {
  const { ladder, ladderId } = await merchantLadder(page, { downgradeTiming: "IMMEDIATELY", downgradeProration: "DIFFERENCE_IMMEDIATELY" });
  await setSaveOffer(page, ladderId, "TOO_EXPENSIVE", { kind: "CHEAPER_PLAN", plan: "Starter · $20.00 / month" });
  const s = await subscribe(ladder.basic);

  const section = await giveReason(page, s.customerId, "It's too expensive", "Budget cuts");
  const offer = section.getByTestId("save-offer");
  await expect(offer).toHaveAttribute("data-kind", "CHEAPER_PLAN");
  await expect(offer).toContainText("Stay for less: Starter at $20.00/month");
  // "Cancel anyway" sits beside the offer, in words what cancelling does.
  await expect(section.getByTestId("cancel-anyway")).toBeVisible();
  await expect(section.getByTestId("cancel-terms")).toContainText("you are not charged again. You keep access to Basic until");
  await expectNoSeriousA11yViolations(page, "cancel flow, save offer");

  await offer.getByTestId("save-offer-accept").click();
  const quote = section.getByTestId("quote-panel");
  await expect(quote.getByTestId("quote-new-plan")).toHaveText("Starter · $20.00/month");
  await expect(section.getByTestId("cancel-anyway")).toBeVisible();
  await quote.getByRole("button", { name: "Confirm downgrade" }).click();
  await expect(page.getByTestId("cancel-flow-message")).toContainText("Your subscription continues; nothing was cancelled.");

  await expect.poll(async () => (await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.starter);
  expect((await dodoSubscription(s.subscriptionId)).cancel_at_next_billing_date).toBe(false);
  await expect.poll(() => entitlement(s.customerId, ladder.starter)).toBe("ACTIVE");
  const { rows } = await sql<{ status: string; reason: string; comment: string }>(`SELECT status, reason, comment FROM "CancelAttempt" WHERE "subscriptionId" = $1`, [s.subscriptionId]);
  expect(rows).toEqual([{ status: "SAVED", reason: "TOO_EXPENSIVE", comment: "Budget cuts" }]);

  await merchantSignIn(page, await createMerchant());
  await page.goto("/merchant/stats");
  const row = page.getByTestId("retention-offer-row").filter({ hasText: ladderId });
  await expect(row).toContainText("A cheaper plan: Starter");
  await expect(row.getByTestId("retention-offer-saves")).toHaveText("1");
});

test("too expensive → discounted plan with Dodo's preview → accepted: the subscription carries the discount, the next renewal is charged the discounted price, and the stats count a save", async ({ page }) => {
  const { ladder, ladderId } = await merchantLadder(page, { downgradeTiming: "IMMEDIATELY", downgradeProration: "DO_NOT_BILL" });
  await setSaveOffer(page, ladderId, "TOO_EXPENSIVE", { kind: "DISCOUNTED_PLAN", plan: "Basic · $30.00 / month", percent: "50", discountCycles: "2" });
  const s = await subscribe(ladder.pro);

  const section = await giveReason(page, s.customerId, "It's too expensive");
  const offer = section.getByTestId("save-offer");
  await expect(offer).toHaveAttribute("data-kind", "DISCOUNTED_PLAN");
  await expect(offer).toContainText("Stay for 50% less: Basic at 50% off for 2 billing periods");
  await expect(section.getByTestId("cancel-anyway")).toBeVisible();

  await offer.getByTestId("save-offer-accept").click();
  const quote = section.getByTestId("quote-panel");
  // Dodo's preview with the code: nothing now, then the discounted price for the code's cycles.
  await expect(quote.getByTestId("quote-charge-now")).toHaveText("$0.00");
  await expect(quote.getByTestId("quote-discount")).toHaveText("50% off for 2 billing periods: you pay $15.00/month for your next 2 renewals, then $30.00/month.");
  await expect(section.getByTestId("cancel-anyway")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "cancel flow, discounted plan preview");
  await quote.getByRole("button", { name: "Confirm downgrade" }).click();
  await expect(page.getByTestId("cancel-flow-message")).toContainText("Your subscription continues; nothing was cancelled.");

  const { rows: [code] } = await sql<{ dodoDiscountId: string }>(`SELECT d."dodoDiscountId" FROM "SaveOfferDiscount" d JOIN "SaveOffer" o ON o.id = d."saveOfferId" WHERE o."ladderId" = $1`, [ladderId]);
  await expect.poll(async () => (await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.basic);
  const sub = await dodoSubscription(s.subscriptionId);
  expect(sub.discounts?.map((d) => [d.discount_id, d.restricted_to, d.cycles_remaining])).toEqual([[code!.dodoDiscountId, [ladder.basic], 2]]);
  expect(await renewNow(s.subscriptionId)).toBe(1500);
  await expect.poll(() => entitlement(s.customerId, ladder.basic)).toBe("ACTIVE");

  await merchantSignIn(page, await createMerchant());
  await page.goto("/merchant/stats");
  const row = page.getByTestId("retention-offer-row").filter({ hasText: ladderId });
  await expect(row).toContainText("A discounted plan: Basic, 50% off for 2 cycles");
  await expect(row.getByTestId("retention-offer-saves")).toHaveText("1");
});

test("not using it → pause for one cycle: paused at the sandbox, access suspended; resumes when the pause ends, and on 'Resume now'", async ({ page }) => {
  const { ladder, ladderId } = await merchantLadder(page);
  await setSaveOffer(page, ladderId, "UNUSED", { kind: "PAUSE", cycles: "1" });
  const s = await subscribe(ladder.pro);
  const before = await dodoSubscription(s.subscriptionId);

  const section = await giveReason(page, s.customerId, "I'm not using it enough");
  const offer = section.getByTestId("save-offer");
  await expect(offer).toHaveAttribute("data-kind", "PAUSE");
  await expect(offer).toContainText("Nothing is charged while paused, and your access to Pro is suspended until it resumes on");
  await offer.getByTestId("save-offer-accept").click();
  await expect(page.getByTestId("cancel-flow-message")).toContainText("Paused: you are not charged and your access to Pro is suspended while paused.");

  expect((await dodoSubscription(s.subscriptionId)).status).toBe("paused");
  await expect.poll(() => entitlement(s.customerId, ladder.pro)).toBe("SUSPENDED");
  expect(await owned(page)).not.toContain("Pro");
  await page.goto("/account/plan");
  await expect(page.getByTestId("retention-paused")).toContainText("You are not being charged and your access to Pro is suspended. It resumes automatically on");

  // The pause's end: the worker's resume job, due at the end of the cycle, comes due now. (The
  // shared e2e sandbox clock stays put: moving it would renew every other spec's subscriptions;
  // the unit tests move a private sandbox's clock to the end instead.)
  const { rows: [pause] } = await sql<{ id: string; resumeAt: Date }>(`SELECT id, "resumeAt" FROM "SubscriptionAction" WHERE "subscriptionId" = $1 AND kind = 'PAUSE' AND status = 'DONE'`, [s.subscriptionId]);
  const cycleMs = new Date(pause!.resumeAt).getTime() - Date.now();
  expect(cycleMs).toBeGreaterThan(27 * 86_400_000);
  await sql(`SELECT graphile_worker.add_job('retention.resume-pause', json_build_object('subscriptionId', $1::text, 'pauseActionId', $2::text), run_at => now(), job_key => 'resume-pause:' || $1::text)`, [s.subscriptionId, pause!.id]);
  await expect.poll(async () => (await dodoSubscription(s.subscriptionId)).status, { timeout: 20_000 }).toBe("active");
  await expect.poll(() => entitlement(s.customerId, ladder.pro)).toBe("ACTIVE");
  expect(await owned(page)).toContain("Pro");
  // Dodo moved the renewal by the time paused.
  expect(Date.parse((await dodoSubscription(s.subscriptionId)).next_billing_date)).toBeGreaterThanOrEqual(Date.parse(before.next_billing_date));

  // Pause from the plan page, until resumed, then "Resume now".
  await page.goto("/account/plan");
  await page.getByLabel("Pause for").selectOption("open");
  await page.getByTestId("pause-submit").click();
  await expect(page.getByTestId("retention-paused")).toContainText("It stays paused until you resume it.");
  await expect.poll(() => entitlement(s.customerId, ladder.pro)).toBe("SUSPENDED");
  await expectNoSeriousA11yViolations(page, "plan page, paused");
  await page.getByTestId("resume-now").click();
  await expect(page.getByTestId("retention")).toHaveAttribute("data-state", "active");
  expect((await dodoSubscription(s.subscriptionId)).status).toBe("active");
  await expect.poll(() => entitlement(s.customerId, ladder.pro)).toBe("ACTIVE");
  expect(await owned(page)).toContain("Pro");
});

test("cancel anyway → cancelled at the period end with the reason; access until then; undo works; after the date access ends", async ({ page }) => {
  const { ladder, ladderId } = await merchantLadder(page);
  await setSaveOffer(page, ladderId, "SWITCHED_SERVICE", { kind: "PAUSE", cycles: "2" });
  const s = await subscribe(ladder.basic);

  const section = await giveReason(page, s.customerId, "I'm switching to another service", "Found a cheaper tool");
  await expect(section.getByTestId("save-offer")).toBeVisible();
  await section.getByTestId("cancel-anyway").click();
  await expect(page.getByTestId("cancel-flow-message")).toContainText("Cancelled: your subscription ends on");

  const cancelled = await dodoSubscription(s.subscriptionId);
  expect(cancelled).toMatchObject({ status: "active", cancel_at_next_billing_date: true, cancellation_feedback: "switched_service", cancellation_comment: "Found a cheaper tool" });
  expect(await owned(page)).toContain("Basic");
  await page.goto("/account/plan");
  await expect(page.getByTestId("retention-cancelling")).toContainText("You are not charged again and keep access to Basic until");
  await expectNoSeriousA11yViolations(page, "plan page, cancelling");

  // Undo before the date.
  await page.getByTestId("undo-cancel").click();
  await expect(page.getByTestId("retention")).toHaveAttribute("data-state", "active");
  expect((await dodoSubscription(s.subscriptionId)).cancel_at_next_billing_date).toBe(false);
  await expect.poll(async () => (await sql(`SELECT status FROM "CancelAttempt" WHERE "subscriptionId" = $1`, [s.subscriptionId])).rows).toEqual([{ status: "KEPT" }]);

  // Cancel again in one click from the reason step, then the period ends.
  await page.getByTestId("cancel-start").click();
  await page.getByLabel("It's too complicated").check();
  await page.getByTestId("cancel-now").click();
  await expect(page.getByTestId("cancel-flow-message")).toContainText("Cancelled: your subscription ends on");
  expect(await dodoSubscription(s.subscriptionId)).toMatchObject({ cancel_at_next_billing_date: true, cancellation_feedback: "too_complex" });
  expect(await owned(page)).toContain("Basic");

  await renewNow(s.subscriptionId);
  expect((await dodoSubscription(s.subscriptionId)).status).toBe("cancelled");
  await expect.poll(async () => (await sql<{ status: string }>(`SELECT status FROM "Subscription" WHERE id = $1`, [s.subscriptionId])).rows[0]?.status).toBe("CANCELLED");
  await expect.poll(() => owned(page)).not.toContain("Basic");
});

/** Subscribers of `productId` until `want` of them fall in the ladder's holdout and `want` outside it. */
async function subscribersBothSides(productId: string, ladderId: string, holdoutBps: number, want: number) {
  const held: string[] = [];
  const offered: string[] = [];
  while (held.length < want || offered.length < want) {
    const s = await subscribe(productId);
    const [point] = hashPoints(s.customerId, `retention:${ladderId}`);
    const side = point * 10_000 < holdoutBps ? held : offered;
    if (side.length < want) side.push(s.customerId);
  }
  return { held, offered };
}

test("holdout customers see no save offer; the stats show the lift with its interval, and the CSV has it", async ({ page }) => {
  test.setTimeout(300_000);
  const { ladder, ladderId } = await merchantLadder(page);
  await setSaveOffer(page, ladderId, "TOO_EXPENSIVE", { kind: "PAUSE", cycles: "1" });
  await page.goto(`/merchant/retention?ladder=${ladderId}`);
  const holdout = page.locator(`[data-testid="retention-ladder"][data-ladder="${ladderId}"] [data-testid="holdout-form"]`);
  await holdout.getByLabel("Holdout (% of cancel attempts shown no offer)").fill("50");
  await holdout.getByRole("button", { name: "Save holdout" }).click();
  await expect(holdout.getByText("Holdout set to 50%.")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "console, save offers");

  const { held, offered } = await subscribersBothSides(ladder.basic, ladderId, 5000, 2);
  for (const customerId of held) {
    const section = await giveReason(page, customerId, "It's too expensive");
    await expect(section.getByTestId("save-offer")).toHaveCount(0);
    await section.getByTestId("cancel-anyway").click();
    await expect(page.getByTestId("cancel-flow-message")).toContainText("Cancelled");
  }
  for (const customerId of offered) {
    const section = await giveReason(page, customerId, "It's too expensive");
    await expect(section.getByTestId("save-offer")).toBeVisible();
    await section.getByTestId("save-offer-accept").click();
    await expect(page.getByTestId("cancel-flow-message")).toContainText("Paused");
  }

  await merchantSignIn(page, await createMerchant());
  await page.goto("/merchant/stats");
  const lift = page.getByTestId("retention-lift-row").filter({ hasText: "USD" });
  await expect(lift.getByTestId("retention-lift-estimate")).toHaveText(/^[+−]\d+\.\d pts$/);
  await expect(lift.getByTestId("retention-lift-interval")).toHaveText(/^[+−]\d+\.\d pts to [+−]\d+\.\d pts$/);

  const csv = await page.request.get(await page.getByTestId("retention-csv-link").getAttribute("href") as string);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("retention_lift_pts,retention_ci_low_pts,retention_ci_high_pts");
  expect(text).toMatch(/\r\nlift,USD,\d+,\d+,-?\d+\.\d\d,-?\d+\.\d\d,-?\d+\.\d\d,/);
  expect(text).toContain(`saves_by_offer,${ladderId},It's too expensive,A pause (1 cycle),USD,2,2,`);
});
