import "server-only";
import { db } from "@/lib/db/client";

/** The storefront catalogue: active one-time products first, then plans by ladder and rank. */
export async function listCatalogue() {
  const products = await db.product.findMany({
    where: { archived: false },
    orderBy: [{ kind: "asc" }, { ladderId: "asc" }, { planRank: "asc" }, { priceAmount: "asc" }],
    include: { ladder: { select: { name: true } } },
  });
  return {
    oneTime: products.filter((p) => p.kind === "ONE_TIME"),
    plans: products.filter((p) => p.kind === "SUBSCRIPTION"),
  };
}
