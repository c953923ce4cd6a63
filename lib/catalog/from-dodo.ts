// Maps Dodo's product shape to our Product mirror. Pure, so it is unit-tested without a database.
import type { Product as DodoProduct, Price } from "dodopayments/resources/products/products";
import type { BillingInterval, ProductKind } from "@/lib/generated/prisma/enums";

export type ProductMirror = {
  id: string;
  name: string;
  description: string | null;
  kind: ProductKind;
  priceAmount: number;
  currency: string;
  billingInterval: BillingInterval | null;
  billingIntervalCount: number | null;
  /** Dodo's product image URL (shown only from an allowed origin: lib/store/images.ts). */
  imageUrl: string | null;
};

const INTERVALS: Record<string, BillingInterval> = { Day: "DAY", Week: "WEEK", Month: "MONTH", Year: "YEAR" };

/** Dodo's payment_frequency_interval ("Month") as ours ("MONTH"); null for one we do not know. */
export function billingIntervalFrom(dodoInterval: string): BillingInterval | null {
  return INTERVALS[dodoInterval] ?? null;
}

function priceOf(price: Price): { amount: number; interval: BillingInterval | null; count: number | null } {
  switch (price.type) {
    case "one_time_price":
      return { amount: price.price, interval: null, count: null };
    case "recurring_price":
      return { amount: price.price, interval: billingIntervalFrom(price.payment_frequency_interval), count: price.payment_frequency_count };
    case "usage_based_price":
      return { amount: price.fixed_price, interval: billingIntervalFrom(price.payment_frequency_interval), count: price.payment_frequency_count };
  }
}

export function productFromDodo(product: DodoProduct): ProductMirror {
  const price = priceOf(product.price);
  return {
    id: product.product_id,
    name: product.name ?? product.product_id,
    description: product.description ?? null,
    kind: product.is_recurring ? "SUBSCRIPTION" : "ONE_TIME",
    priceAmount: price.amount,
    currency: product.price.currency,
    billingInterval: price.interval,
    billingIntervalCount: price.count,
    imageUrl: product.image ?? null,
  };
}
