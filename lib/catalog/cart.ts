// The cart of a payment as our mirror stores it (Payment.productCart, written by the sync engine:
// `[{ productId, quantity }]`). JSON, so it is read defensively.
import type { Prisma } from "@/lib/generated/prisma/client";

/** How a product our mirror no longer has is named where a cart or bundle lists it. */
export const GONE_PRODUCT_NAME = "A product no longer sold";

/** The product ids a stored cart holds, in order (a product may repeat). */
export function cartProductIds(productCart: Prisma.JsonValue | null | undefined): string[] {
  if (!Array.isArray(productCart)) return [];
  return productCart.flatMap((line) =>
    line && typeof line === "object" && !Array.isArray(line) && typeof line.productId === "string" ? [line.productId] : [],
  );
}

/** Units of each product in a stored cart (a product on several lines adds up; a missing quantity counts 1). */
export function cartQuantities(productCart: Prisma.JsonValue | null | undefined): Map<string, number> {
  const units = new Map<string, number>();
  if (!Array.isArray(productCart)) return units;
  for (const line of productCart) {
    if (!line || typeof line !== "object" || Array.isArray(line) || typeof line.productId !== "string") continue;
    const quantity = typeof line.quantity === "number" && Number.isInteger(line.quantity) && line.quantity > 0 ? line.quantity : 1;
    units.set(line.productId, (units.get(line.productId) ?? 0) + quantity);
  }
  return units;
}
