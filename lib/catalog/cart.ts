// The cart of a payment as our mirror stores it (Payment.productCart, written by the sync engine:
// `[{ productId, quantity }]`). JSON, so it is read defensively.
import type { Prisma } from "@/lib/generated/prisma/client";

/** The product ids a stored cart holds, in order (a product may repeat). */
export function cartProductIds(productCart: Prisma.JsonValue | null | undefined): string[] {
  if (!Array.isArray(productCart)) return [];
  return productCart.flatMap((line) =>
    line && typeof line === "object" && !Array.isArray(line) && typeof line.productId === "string" ? [line.productId] : [],
  );
}
