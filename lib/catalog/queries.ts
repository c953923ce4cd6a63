import "server-only";
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, money } from "@/lib/money/money";
import { formatPrice } from "./format";

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

/**
 * Every mirrored product (archived last; plans grouped by ladder in rank order, as customers climb
 * them) and the plan ladders, for the console's products page.
 */
export async function listProductsForAdmin() {
  const [products, ladders] = await Promise.all([
    db.product.findMany({
      orderBy: [{ archived: "asc" }, { kind: "asc" }, { ladder: { name: "asc" } }, { planRank: { sort: "asc", nulls: "last" } }, { name: "asc" }],
      include: { ladder: { select: { id: true, name: true } } },
    }),
    db.planLadder.findMany({ orderBy: { name: "asc" }, include: { products: { orderBy: { planRank: "asc" }, select: { id: true, name: true, planRank: true } } } }),
  ]);
  return { products, ladders };
}

/** Active products as picker options for offer forms; the label names its prices in other currencies (Dodo's localized prices), in `locale`. */
export async function productOptions(locale: Locale = DEFAULT_LOCALE) {
  const products = await db.product.findMany({ where: { archived: false }, orderBy: [{ kind: "asc" }, { name: "asc" }], include: { prices: { orderBy: { currency: "asc" } } } });
  const t = translator(locale);
  return products.map((p) => {
    const local = p.prices.map((price) => formatMoney(money(price.amount, price.currency), locale));
    const price = formatPrice(p, locale);
    const priceLabel = local.length ? t("catalog.alsoPriced", { price, others: local.join(", ") }) : price;
    return { id: p.id, name: p.name, kind: p.kind, priceLabel, currency: p.currency };
  });
}
