import "server-only";
import type DodoPayments from "dodopayments";
import type { Product as DodoProduct } from "dodopayments/resources/products/products";
import { db } from "@/lib/db/client";
import { dodo } from "@/lib/dodo/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { productFromDodo, type ProductMirror } from "./from-dodo";

const PAGE_SIZE = 100;

type ProductStore = Pick<PrismaClient, "product" | "productPrice">;
type ProductsClient = Pick<DodoPayments, "products">;

export type SyncSummary = { synced: number; archived: number; pages: number };

// Upserts keep the merchant's own fields (ladder, plan rank): only Dodo's fields are written.
async function upsertMirror(store: ProductStore, mirror: ProductMirror) {
  return store.product.upsert({
    where: { id: mirror.id },
    create: mirror,
    update: { ...mirror, archived: false, syncedAt: new Date() },
  });
}

/**
 * Mirrors the product's prices in other currencies: its Localized Pricing `by_currency` rules
 * (Dodo's active ones; an archived rule drops out). `by_country` rules price a country, not a
 * currency, and Encore cannot know a buyer's billing country before the charge, so they are not
 * offered (Dodo still applies them at checkout).
 */
async function mirrorPrices(store: ProductStore, client: ProductsClient, product: DodoProduct) {
  const rules = product.pricing_mode === "by_currency" ? (await client.products.localizedPrices.list(product.product_id)).items.filter((r) => r.mode === "by_currency") : [];
  await store.productPrice.deleteMany({ where: { productId: product.product_id, currency: { notIn: rules.map((r) => r.currency) } } });
  for (const rule of rules) {
    await store.productPrice.upsert({
      where: { productId_currency: { productId: product.product_id, currency: rule.currency } },
      create: { id: rule.id, productId: product.product_id, currency: rule.currency, amount: rule.amount },
      update: { amount: rule.amount, syncedAt: new Date() },
    });
  }
}

async function mirrorProduct(store: ProductStore, client: ProductsClient, product: DodoProduct) {
  const row = await upsertMirror(store, productFromDodo(product));
  await mirrorPrices(store, client, product);
  return row;
}

/** Fetches one product from Dodo and upserts our mirror. */
export async function syncProduct(productId: string, client: ProductsClient = dodo()) {
  return mirrorProduct(db, client, await client.products.retrieve(productId));
}

/** Makes sure every id has a mirror row, fetching only the missing ones. */
export async function ensureProducts(productIds: string[], client?: Pick<DodoPayments, "products">): Promise<void> {
  const unique = [...new Set(productIds)];
  // Raw: every webhook asks this, and a Prisma model query costs several times the CPU of the SQL.
  const known = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Product" WHERE "id" = ANY(${unique}::text[])`;
  const missing = unique.filter((id) => !known.some((k) => k.id === id));
  for (const id of missing) await syncProduct(id, client);
}

/**
 * Mirrors Dodo's active catalogue into Product. Pages explicitly from page 0 (the SDK's
 * auto-pagination skips page 1) until a short page. Products that are no longer listed are marked
 * archived, never deleted: offers and history point at them. `store` may be a transaction client
 * (tests roll the whole sync back).
 */
export async function syncCatalogue(client: Pick<DodoPayments, "products"> = dodo(), store: ProductStore = db): Promise<SyncSummary> {
  const seen: string[] = [];
  let pages = 0;
  for (let page = 0; ; page++) {
    const { items } = await client.products.list({ page_number: page, page_size: PAGE_SIZE, archived: false });
    pages++;
    for (const item of items) {
      // List items carry the full price in price_detail; older responses lack it, so fetch those.
      const full: DodoProduct = item.price_detail
        ? ({ ...item, price: item.price_detail } as unknown as DodoProduct)
        : await client.products.retrieve(item.product_id);
      await mirrorProduct(store, client, full);
      seen.push(item.product_id);
    }
    if (items.length < PAGE_SIZE) break;
  }
  const { count } = await store.product.updateMany({ where: { id: { notIn: seen }, archived: false }, data: { archived: true, syncedAt: new Date() } });
  return { synced: seen.length, archived: count, pages };
}
