// Catalogue sync (paging from page 0) and the merchant's plan ladders and ranking.
import type DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { syncCatalogue } from "@/lib/catalog/sync";
import { createLadder, setLadderRanking, updateLadder } from "@/lib/plans/ladder-admin";
import { seedProduct, uid } from "@/tests/support/seed";
import { worded } from "@/tests/support/words";

function fakeDodo(count: number, prefix: string) {
  const items = Array.from({ length: count }, (_, i) => ({
    product_id: `${prefix}_${String(i).padStart(4, "0")}`,
    name: `Product ${i}`,
    is_recurring: i % 2 === 1,
    // Every 50th list item lacks price_detail, as older API responses do: it is fetched in full.
    price_detail: i % 50 === 0 ? null : i % 2 === 1
      ? { type: "recurring_price", price: 1000 + i, currency: "USD", payment_frequency_interval: "Month", payment_frequency_count: 1, subscription_period_interval: "Year", subscription_period_count: 1, discount: 0, purchasing_power_parity: false }
      : { type: "one_time_price", price: 500 + i, currency: "EUR", discount: 0, purchasing_power_parity: false },
  }));
  const pages: number[] = [];
  const retrieved: string[] = [];
  const client = {
    products: {
      list: async (q: { page_number: number; page_size: number }) => {
        pages.push(q.page_number);
        return { items: items.slice(q.page_number * q.page_size, (q.page_number + 1) * q.page_size) };
      },
      retrieve: async (id: string) => {
        retrieved.push(id);
        const i = Number(id.split("_").at(-1));
        return { product_id: id, name: `Product ${i}`, is_recurring: false, price: { type: "one_time_price", price: 777, currency: "USD", discount: 0, purchasing_power_parity: false } };
      },
    },
  } as unknown as Pick<DodoPayments, "products">;
  return { client, pages, retrieved };
}

/**
 * Runs a sync inside a transaction that is rolled back: archiving "everything not listed" would
 * otherwise archive products that concurrently running test files just created.
 */
async function inRolledBackTx(run: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> {
  const rollback = new Error("rollback");
  await expect(db.$transaction(async (tx) => { await run(tx); throw rollback; }, { timeout: 60_000 })).rejects.toBe(rollback);
}

describe("syncCatalogue", () => {
  it("reads every page from page 0, mirrors prices and archives products Dodo no longer lists", async () => {
    const prefix = uid("pdt");
    const stale = await seedProduct({ price: 100 });
    const { client, pages, retrieved } = fakeDodo(250, prefix);
    await inRolledBackTx(async (tx) => {
      const summary = await syncCatalogue(client, tx);
      expect(pages).toEqual([0, 1, 2]);
      expect(summary.synced).toBe(250);
      expect(summary.archived).toBeGreaterThanOrEqual(1);
      expect(retrieved).toEqual([`${prefix}_0000`, `${prefix}_0050`, `${prefix}_0100`, `${prefix}_0150`, `${prefix}_0200`]);
      const mirrored = await tx.product.findMany({ where: { id: { startsWith: prefix } }, orderBy: { id: "asc" } });
      expect(mirrored).toHaveLength(250);
      expect(mirrored[0]).toMatchObject({ priceAmount: 777, currency: "USD", kind: "ONE_TIME" });
      expect(mirrored[1]).toMatchObject({ priceAmount: 1001, currency: "USD", kind: "SUBSCRIPTION", billingInterval: "MONTH", billingIntervalCount: 1, archived: false });
      expect(mirrored[2]).toMatchObject({ priceAmount: 502, currency: "EUR", kind: "ONE_TIME" });
      expect((await tx.product.findUniqueOrThrow({ where: { id: stale.id } })).archived).toBe(true);
    });
  });

  it("stops after a short first page and keeps the merchant's ranking on re-sync", async () => {
    const prefix = uid("pdt");
    const { client, pages } = fakeDodo(3, prefix);
    await inRolledBackTx(async (tx) => {
      await syncCatalogue(client, tx);
      const ladder = await tx.planLadder.create({ data: { name: uid("Ladder") } });
      await tx.product.update({ where: { id: `${prefix}_0001` }, data: { ladderId: ladder.id, planRank: 1 } });
      await syncCatalogue(client, tx);
      expect(pages).toEqual([0, 0]);
      expect(await tx.product.findUniqueOrThrow({ where: { id: `${prefix}_0001` } })).toMatchObject({ ladderId: ladder.id, planRank: 1 });
    });
  });
});

describe("plan ladders", () => {
  it("stores the plan-change policy and validates it", async () => {
    const name = uid("Plans");
    const created = await createLadder({ name, upgradeProration: "PRORATED_IMMEDIATELY", upgradeOnPaymentFailure: "APPLY_CHANGE", downgradeTiming: "IMMEDIATELY", downgradeProration: "DO_NOT_BILL" });
    if (!created.ok) throw new Error(created.message);
    expect(await db.planLadder.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ upgradeProration: "PRORATED_IMMEDIATELY", upgradeOnPaymentFailure: "APPLY_CHANGE", downgradeTiming: "IMMEDIATELY", allowIntervalChange: false });
    expect(await createLadder({ name, upgradeProration: "PRORATED_IMMEDIATELY", upgradeOnPaymentFailure: "APPLY_CHANGE", downgradeTiming: "IMMEDIATELY", downgradeProration: "DO_NOT_BILL" })).toMatchObject({ fieldErrors: { name: [expect.any(String)] } });
    expect(await updateLadder(created.id, { name, upgradeProration: "SOMETIMES" })).toMatchObject({ ok: false, fieldErrors: { upgradeProration: [expect.any(String)] } });
  });

  it("ranks plans explicitly, swaps ranks without tripping the unique key and refuses duplicates", async () => {
    const ladder = await db.planLadder.create({ data: { name: uid("Ladder") } });
    const [basic, pro, oneTime] = [await seedProduct({ price: 1000, kind: "SUBSCRIPTION" }), await seedProduct({ price: 500, kind: "SUBSCRIPTION" }), await seedProduct({ price: 100 })];
    expect((await setLadderRanking(ladder.id, { [`rank.${basic.id}`]: "1", [`rank.${pro.id}`]: "2" })).ok).toBe(true);
    // Swap: the cheaper plan ranks higher because the merchant says so.
    expect((await setLadderRanking(ladder.id, { [`rank.${basic.id}`]: "2", [`rank.${pro.id}`]: "1" })).ok).toBe(true);
    const ranks = await db.product.findMany({ where: { ladderId: ladder.id }, orderBy: { planRank: "asc" }, select: { id: true } });
    expect(ranks.map((r) => r.id)).toEqual([pro.id, basic.id]);
    expect(worded(await setLadderRanking(ladder.id, { [`rank.${basic.id}`]: "1", [`rank.${pro.id}`]: "1" }))).toMatchObject({ fieldErrors: { [`rank.${pro.id}`]: [expect.stringMatching(/already used/)] } });
    expect(await setLadderRanking(ladder.id, { [`rank.${oneTime.id}`]: "3" })).toMatchObject({ ok: false });
    // A blank rank takes the plan out of the ladder.
    expect((await setLadderRanking(ladder.id, { [`rank.${basic.id}`]: "", [`rank.${pro.id}`]: "1" })).ok).toBe(true);
    expect(await db.product.findUniqueOrThrow({ where: { id: basic.id } })).toMatchObject({ ladderId: null, planRank: null });
  });
});
