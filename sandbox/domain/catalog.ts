import type {
  AddonResponse,
  AttachAddon,
  Currency,
  Price,
  Product,
  ProductCreateParams,
  ProductListResponse,
  ProductUpdateParams,
} from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { invalid, notFound } from "../http/errors";
import { newId } from "../ids";
import type { PlanSelection } from "../state/types";
import { creditMappings } from "./credits";
import type { PriceLine } from "./proration";

export function getProduct(core: SandboxCore, productId: string): Product {
  const record = core.state.products[productId];
  if (!record) throw notFound("Product", productId);
  return record.product;
}

export function getAddon(core: SandboxCore, addonId: string): AddonResponse {
  const record = core.state.addons[addonId];
  if (!record) throw notFound("Addon", addonId);
  return record.addon;
}

/** Unit price in minor units, whatever the price type. */
export function unitPrice(price: Price): number {
  return price.type === "usage_based_price" ? price.fixed_price : price.price;
}

export function recurringPrice(product: Product): Extract<Price, { type: "recurring_price" }> {
  if (product.price.type !== "recurring_price") {
    throw invalid(`Product ${product.product_id} is not a subscription product`);
  }
  return product.price;
}

/** Checks addons exist, belong to the product and share its currency. */
export function validateAddons(core: SandboxCore, product: Product, addons: AttachAddon[]): void {
  for (const item of addons) {
    const addon = getAddon(core, item.addon_id);
    if (!(product.addons ?? []).includes(addon.id)) {
      throw invalid(`Addon ${addon.id} is not available for product ${product.product_id}`);
    }
    if (addon.currency !== product.price.currency) throw invalid(`Addon ${addon.id} currency differs from the product's`);
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw invalid("addon quantity must be >= 1");
  }
}

/** A subscription plan as price lines: the product × quantity, then each addon × its quantity. */
export function planLines(core: SandboxCore, plan: PlanSelection): PriceLine[] {
  const product = getProduct(core, plan.product_id);
  const lines: PriceLine[] = [
    { type: "subscription", id: product.product_id, unit_price: unitPrice(product.price), quantity: plan.quantity },
  ];
  for (const item of plan.addons) {
    lines.push({ type: "addon", id: item.addon_id, unit_price: getAddon(core, item.addon_id).price, quantity: item.quantity });
  }
  return lines;
}

export function productListItem(product: Product): ProductListResponse {
  return {
    business_id: product.business_id,
    created_at: product.created_at,
    entitlements: product.entitlements,
    is_recurring: product.is_recurring,
    metadata: product.metadata,
    product_id: product.product_id,
    tax_category: product.tax_category,
    updated_at: product.updated_at,
    currency: product.price.currency,
    description: product.description ?? null,
    image: product.image ?? null,
    name: product.name ?? null,
    price: unitPrice(product.price),
    price_detail: product.price,
    pricing_mode: product.pricing_mode ?? null,
    tax_inclusive: product.price.tax_inclusive ?? false,
  } satisfies Required<ProductListResponse>;
}

export function createProduct(core: SandboxCore, params: ProductCreateParams): Product {
  for (const addonId of params.addons ?? []) getAddon(core, addonId);
  const now = core.now();
  const product = {
    brand_id: params.brand_id ?? core.state.brand_id,
    business_id: core.state.business_id,
    created_at: now,
    credit_entitlements: creditMappings(core, params.credit_entitlements ?? []),
    entitlements: [],
    is_recurring: params.price.type !== "one_time_price",
    license_key_enabled: params.license_key_enabled ?? false,
    metadata: params.metadata ?? {},
    price: params.price,
    product_id: newId("pdt"),
    tax_category: params.tax_category,
    updated_at: now,
    addons: params.addons ?? [],
    description: params.description ?? null,
    digital_product_delivery: null,
    image: null,
    license_key_activation_message: params.license_key_activation_message ?? null,
    license_key_activations_limit: params.license_key_activations_limit ?? null,
    license_key_duration: params.license_key_duration ?? null,
    name: params.name,
    pricing_mode: params.pricing_mode ?? null,
    product_collection_id: null,
  } satisfies Required<Product>;
  core.state.products[product.product_id] = { seq: core.nextSeq(), product, archived: false };
  core.changed();
  return product;
}

/** `PATCH /products/{id}` (SDK `products.update`, answers nothing): name, description, metadata, addons, credit entitlements, pricing mode. */
export function updateProduct(core: SandboxCore, productId: string, params: ProductUpdateParams): void {
  const product = getProduct(core, productId);
  for (const addonId of params.addons ?? []) getAddon(core, addonId);
  if (params.name != null) product.name = params.name;
  if (params.description !== undefined) product.description = params.description;
  if (params.metadata != null) product.metadata = params.metadata;
  if (params.addons != null) product.addons = params.addons;
  if (params.credit_entitlements != null) product.credit_entitlements = creditMappings(core, params.credit_entitlements);
  // `null` means base-only pricing (docs: localized-pricing).
  if (params.pricing_mode !== undefined) product.pricing_mode = params.pricing_mode;
  product.updated_at = core.now();
  core.changed();
}

export function cartCurrency(currencies: Currency[]): Currency {
  const [first, ...rest] = currencies;
  if (!first) throw invalid("product_cart must not be empty");
  if (rest.some((c) => c !== first)) throw invalid("All products in a cart must share one currency", "UNSUPPORTED_CURRENCY");
  return first;
}
