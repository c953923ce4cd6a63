import "server-only";
import { formatPrice } from "@/lib/catalog/format";
import { listOfferableProducts } from "./products";

/** Active products as picker options for offer forms. */
export async function productOptions() {
  const products = await listOfferableProducts();
  return products.map((p) => ({ id: p.id, name: p.name, kind: p.kind, priceLabel: formatPrice(p), currency: p.currency }));
}
