// Seeds for the plan-change specs: a private ladder (own sandbox products, mirrored and ranked in
// the app database) and a customer subscribed through one-click, signed in with a magic link.
// Renewals are triggered per subscription (PATCH next_billing_date = now, Dodo's documented way),
// never with the shared sandbox clock, so other specs' subscriptions are left alone.
import { expect, type Page } from "@playwright/test";
import { createPlan, subscribeAtDodo } from "../dodo-seed";
import { control, dodo, magicLinkPath, sql, uid } from "./env";

export type Policy = {
  upgradeProration?: string;
  upgradeOnPaymentFailure?: string;
  downgradeTiming?: string;
  downgradeProration?: string;
};

export type Ladder = { starter: string; basic: string; pro: string; proYearly?: string };

/** Starter $20, Basic $30, Pro $80 a month, ranked 1, 2, 3 by the merchant; `withYearly` adds Pro yearly ($800, rank 4). */
export async function seedLadder(policy: Policy = {}, opts: { withYearly?: boolean } = {}): Promise<Ladder> {
  const ladderId = `ladder_${uid()}`;
  await sql(
    `INSERT INTO "PlanLadder" (id, name, "upgradeProration", "upgradeOnPaymentFailure", "downgradeTiming", "downgradeProration", "updatedAt")
     VALUES ($1, $1, $2, $3, $4, $5, now())`,
    [ladderId, policy.upgradeProration ?? "DIFFERENCE_IMMEDIATELY", policy.upgradeOnPaymentFailure ?? "PREVENT_CHANGE", policy.downgradeTiming ?? "NEXT_BILLING_DATE", policy.downgradeProration ?? "DIFFERENCE_IMMEDIATELY"],
  );
  const ids: string[] = [];
  for (const [rank, name, price] of [[1, "Starter", 2000], [2, "Basic", 3000], [3, "Pro", 8000]] as const) {
    const product = await createPlan(dodo(), { name, price });
    await sql(
      `INSERT INTO "Product" (id, name, kind, "priceAmount", currency, "billingInterval", "billingIntervalCount", "ladderId", "planRank", "updatedAt")
       VALUES ($1, $2, 'SUBSCRIPTION', $3, 'USD', 'MONTH', 1, $4, $5, now())`,
      [product.product_id, name, price, ladderId, rank],
    );
    ids.push(product.product_id);
  }
  if (!opts.withYearly) return { starter: ids[0]!, basic: ids[1]!, pro: ids[2]! };
  const yearly = await createPlan(dodo(), { name: "Pro yearly", price: 80000, interval: "Year" });
  await sql(
    `INSERT INTO "Product" (id, name, kind, "priceAmount", currency, "billingInterval", "billingIntervalCount", "ladderId", "planRank", "updatedAt")
     VALUES ($1, 'Pro yearly', 'SUBSCRIPTION', 80000, 'USD', 'YEAR', 1, $2, 4, now())`,
    [yearly.product_id, ladderId],
  );
  return { starter: ids[0]!, basic: ids[1]!, pro: ids[2]!, proYearly: yearly.product_id };
}

export type Subscriber = { customerId: string; subscriptionId: string };

/** A customer who bought `productId` in one click with a 4242 card (swapped for …0341 when asked). */
export async function subscribe(productId: string, card: "4242" | "0341" | "3155" = "4242"): Promise<Subscriber> {
  const { subscriptionId } = await subscribeAtDodo(dodo(), control, productId, card);
  // The app learns about the subscription from Dodo's webhooks.
  let customerId = "";
  await expect.poll(async () => {
    const { rows } = await sql<{ customerId: string; status: string }>(`SELECT "customerId", status FROM "Subscription" WHERE id = $1`, [subscriptionId]);
    customerId = rows[0]?.customerId ?? "";
    return rows[0]?.status;
  }, { timeout: 15_000 }).toBe("ACTIVE");
  return { customerId, subscriptionId };
}

/** Signs the customer in through a magic link, as the account emails do. */
export async function signIn(page: Page, customerId: string): Promise<void> {
  // Magic links are single-use: each carries a fresh id (jti) that the app spends on sign-in.
  await page.goto(magicLinkPath(customerId));
  await page.waitForURL(/\/account$/);
}

/** Renews this subscription now (Dodo's documented trigger) and returns the renewal charge (0 when credit paid it). */
export async function renewNow(subscriptionId: string): Promise<number> {
  const client = dodo();
  // Same machine, no clock offset in these specs: "now" here is the sandbox's now.
  const dueAt = new Date().toISOString();
  await client.subscriptions.update(subscriptionId, { next_billing_date: dueAt });
  const { items } = await client.payments.list({ page_number: 0, subscription_id: subscriptionId });
  const newest = items[0];
  return newest && newest.created_at >= dueAt ? newest.total_amount : 0;
}

export async function dodoPayments(subscriptionId: string) {
  return (await dodo().payments.list({ page_number: 0, subscription_id: subscriptionId })).items;
}

export async function dodoSubscription(subscriptionId: string) {
  return dodo().subscriptions.retrieve(subscriptionId);
}
