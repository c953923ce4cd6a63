import "server-only";
import { db } from "@/lib/db";
import { dodo } from "@/lib/dodo/client";
import { productFromDodo } from "./from-dodo";

/** Fetches one product from Dodo and upserts our mirror (keeps the merchant's ranking/ladder). */
export async function syncProduct(productId: string) {
  const product = await dodo().products.retrieve(productId);
  const mirror = productFromDodo(product);
  return db.product.upsert({
    where: { id: mirror.id },
    create: mirror,
    update: { ...mirror, syncedAt: new Date() },
  });
}

/** Makes sure every id has a mirror row, fetching only the missing ones. */
export async function ensureProducts(productIds: string[]): Promise<void> {
  const unique = [...new Set(productIds)];
  const known = await db.product.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const missing = unique.filter((id) => !known.some((k) => k.id === id));
  for (const id of missing) await syncProduct(id);
}

/**
 * Mirrors the whole catalogue. Pages explicitly from page 0: the SDK's auto-pagination skips
 * page 1 (it asks for page 2 after the first page).
 */
export async function syncAllProducts(): Promise<number> {
  const pageSize = 100;
  let count = 0;
  for (let page = 0; ; page++) {
    const { items } = await dodo().products.list({ page_number: page, page_size: pageSize, archived: false });
    for (const item of items) {
      await syncProduct(item.product_id);
      count++;
    }
    if (items.length < pageSize) return count;
  }
}
