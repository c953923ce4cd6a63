import "server-only";
import { db } from "@/lib/db/client";

/** A product the storefront may sell (not archived), or null. */
export function storefrontProduct(id: string) {
  if (id.length > 64) return Promise.resolve(null);
  return db.product.findFirst({ where: { id, archived: false } });
}
