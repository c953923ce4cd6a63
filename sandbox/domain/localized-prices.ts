// Localized Pricing (docs: features/localized-pricing; SDK resources/products/localized-prices.ts): a
// product with a `pricing_mode` carries fixed prices per currency (`by_currency`) or per country
// (`by_country`). Documented rules enforced here: a rule's amount is > 0 in minor units; by_country
// rules need `country_code`, by_currency ones must not have it and must use a currency other than the
// base; one active rule per currency or country; only `amount` can be updated; archiving is an
// idempotent soft delete. At checkout each cart line resolves on its own: by_country matches the
// billing country, by_currency the `billing_currency` (or the currency derived from the billing
// country); no match charges the base price. Not simulated: Adaptive Currency's live FX conversion
// of the base price (no exchange rates here), so an unmatched line stays in the base currency.
import type { Currency, Product } from "dodopayments/resources/index";
import type { LocalizedPrice, LocalizedPriceCreateParams } from "dodopayments/resources/products/localized-prices";
import type { SandboxCore } from "../core";
import { invalid, notFound } from "../http/errors";
import { newId } from "../ids";
import { getProduct } from "./catalog";

type StoredRule = LocalizedPrice & { archived: boolean };

function rulesOf(core: SandboxCore, productId: string): StoredRule[] {
  getProduct(core, productId);
  const record = core.state.products[productId]! as { localized_prices?: StoredRule[] };
  record.localized_prices ??= [];
  return record.localized_prices;
}

const publicRule = ({ archived: _archived, ...rule }: StoredRule): LocalizedPrice => rule;

export function listLocalizedPrices(core: SandboxCore, productId: string): { items: LocalizedPrice[] } {
  return { items: rulesOf(core, productId).filter((r) => !r.archived).map(publicRule) };
}

export function createLocalizedPrice(core: SandboxCore, productId: string, params: LocalizedPriceCreateParams): LocalizedPrice {
  const product = getProduct(core, productId);
  const mode = product.pricing_mode;
  if (!mode) throw invalid("Set the product's pricing_mode before adding localized prices");
  if (!Number.isInteger(params.amount) || params.amount <= 0) throw invalid("amount must be greater than zero");
  if (mode === "by_country" && !params.country_code) throw invalid("country_code is required when pricing_mode is by_country");
  if (mode === "by_currency" && params.country_code) throw invalid("country_code is forbidden when pricing_mode is by_currency");
  if (mode === "by_currency" && params.currency === product.price.currency) throw invalid("A by_currency rule must use a currency other than the product's base currency");
  const rules = rulesOf(core, productId);
  const clash = rules.some((r) => !r.archived && r.mode === mode && (mode === "by_currency" ? r.currency === params.currency : r.country_code === params.country_code));
  if (clash) throw invalid(`This product already has an active ${mode === "by_currency" ? `rule for ${params.currency}` : `rule for ${params.country_code}`}`);
  const now = core.now();
  const rule: StoredRule = {
    id: newId("lcp"), amount: params.amount, currency: params.currency, mode, product_id: productId, created_at: now, updated_at: now,
    country_code: mode === "by_country" ? params.country_code ?? null : null, archived: false,
  };
  rules.push(rule);
  core.changed();
  return publicRule(rule);
}

function findRule(core: SandboxCore, productId: string, id: string): StoredRule {
  const rule = rulesOf(core, productId).find((r) => r.id === id);
  if (!rule) throw notFound("Localized price", id);
  return rule;
}

export function retrieveLocalizedPrice(core: SandboxCore, productId: string, id: string): LocalizedPrice {
  return publicRule(findRule(core, productId, id));
}

export function updateLocalizedPrice(core: SandboxCore, productId: string, id: string, amount: number | null | undefined): LocalizedPrice {
  const rule = findRule(core, productId, id);
  if (amount != null) {
    if (!Number.isInteger(amount) || amount <= 0) throw invalid("amount must be greater than zero");
    rule.amount = amount;
    rule.updated_at = core.now();
    core.changed();
  }
  return publicRule(rule);
}

export function archiveLocalizedPrice(core: SandboxCore, productId: string, id: string): void {
  const rule = findRule(core, productId, id);
  if (!rule.archived) {
    rule.archived = true;
    core.changed();
  }
}

/** Currencies the sandbox derives from a billing country when no billing_currency is sent (a small, fixed list). */
const COUNTRY_CURRENCY: Record<string, Currency> = {
  US: "USD", GB: "GBP", IN: "INR", CA: "CAD", AU: "AUD", JP: "JPY", CH: "CHF",
  DE: "EUR", FR: "EUR", ES: "EUR", IT: "EUR", NL: "EUR", IE: "EUR", AT: "EUR", BE: "EUR", PT: "EUR", FI: "EUR",
};

export type Presentment = { country: string | null; billingCurrency: Currency | null };

/** The unit price and currency of one cart line for this buyer: a matching localized rule, else the base price. */
export function localizedUnitPrice(core: SandboxCore, product: Product, presentment: Presentment): { amount: number; currency: Currency } | null {
  const mode = product.pricing_mode;
  if (!mode) return null;
  const rules = rulesOf(core, product.product_id).filter((r) => !r.archived && r.mode === mode);
  // `billing_currency` "is ignored if adaptive pricing is disabled" (SDK checkout-sessions).
  const currency = (core.settings.adaptive_pricing ? presentment.billingCurrency : null) ?? (presentment.country ? COUNTRY_CURRENCY[presentment.country] ?? null : null);
  const rule = mode === "by_country" ? rules.find((r) => r.country_code === presentment.country) : rules.find((r) => r.currency === currency);
  return rule ? { amount: rule.amount, currency: rule.currency } : null;
}
