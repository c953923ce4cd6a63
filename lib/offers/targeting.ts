// Offer targeting: who, beyond the trigger products, may see an offer. Stored on Offer.targeting as
// { match, conditions }; evaluated by offerEligibility (lib/offers/rules.ts), the one rules engine,
// which the funnel, the account page and the console's "test as a customer" view all call.
// Pure and client-safe: the offer form describes the same conditions it validates.
//
// Adding a condition kind (the in-app moment, say): add its shape to `conditionSchema`, what it
// reads to `TargetingFacts`, its check to CHECKS and its wording to describeCondition. TypeScript
// then refuses to compile until every map covers it.
import { z } from "zod";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export const SUBSCRIPTION_STATUSES = ["ACTIVE", "ON_HOLD", "PAST_DUE", "PAUSED", "CANCELLED", "EXPIRED"] as const satisfies readonly SubscriptionStatus[];

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const currencyCode = z.string().regex(/^[A-Z]{3}$/);

export const conditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("customer"), is: z.enum(["new", "returning"]) }),
  z.object({ kind: z.literal("country"), op: z.enum(["in", "not_in"]), countries: z.array(countryCode).min(1) }),
  z.object({ kind: z.literal("currency"), currencies: z.array(currencyCode).min(1) }),
  // Minor units of `currency`; an order in another currency does not meet it (no conversion rates here).
  z.object({ kind: z.literal("order_value"), currency: currencyCode, min: z.number().int().min(0).nullable(), max: z.number().int().min(0).nullable() }),
  z.object({ kind: z.literal("owns"), productIds: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal("not_owns"), productIds: z.array(z.string().min(1)).min(1) }),
  // Has a subscription in one of `statuses` (empty = any status) to one of `planIds` (empty = any plan).
  z.object({ kind: z.literal("subscription"), statuses: z.array(z.enum(SUBSCRIPTION_STATUSES)), planIds: z.array(z.string().min(1)) }),
]);

export type Condition = z.infer<typeof conditionSchema>;
export type ConditionKind = Condition["kind"];

export const targetingSchema = z.object({ match: z.enum(["all", "any"]), conditions: z.array(conditionSchema) });
export type Targeting = z.infer<typeof targetingSchema>;

/** What targeting reads about the order and the customer; the rules engine builds it from purchase and history. */
export type TargetingFacts = {
  /** The order in question: the purchase that opened the funnel, or (outside one) the customer's latest paid order. */
  order: { amount: number; currency: string; country: string | null; paidAt: Date } | null;
  /** When the customer's first paid order was made; null = none yet. */
  firstPaidAt: Date | null;
  ownedProductIds: ReadonlySet<string>;
  subscriptions: readonly { productId: string; status: SubscriptionStatus }[];
};

type Check<K extends ConditionKind> = (c: Extract<Condition, { kind: K }>, f: TargetingFacts) => boolean;

/** A customer is returning when they had paid an order before the order in question. */
export function isReturning(f: TargetingFacts): boolean {
  if (!f.firstPaidAt) return false;
  return f.order ? f.firstPaidAt < f.order.paidAt : true;
}

const CHECKS: { [K in ConditionKind]: Check<K> } = {
  customer: (c, f) => (c.is === "returning") === isReturning(f),
  country: (c, f) => {
    const country = f.order?.country?.toUpperCase() ?? null;
    // An unknown country is in no list, so it passes "not in" and fails "in".
    return c.op === "in" ? country !== null && c.countries.includes(country) : country === null || !c.countries.includes(country);
  },
  currency: (c, f) => f.order !== null && c.currencies.includes(f.order.currency.toUpperCase()),
  order_value: (c, f) =>
    f.order !== null &&
    f.order.currency.toUpperCase() === c.currency &&
    (c.min === null || f.order.amount >= c.min) &&
    (c.max === null || f.order.amount <= c.max),
  owns: (c, f) => c.productIds.some((id) => f.ownedProductIds.has(id)),
  not_owns: (c, f) => !c.productIds.some((id) => f.ownedProductIds.has(id)),
  subscription: (c, f) =>
    f.subscriptions.some((s) => (c.statuses.length === 0 || (c.statuses as readonly string[]).includes(s.status)) && (c.planIds.length === 0 || c.planIds.includes(s.productId))),
};

export function conditionMet(c: Condition, f: TargetingFacts): boolean {
  return (CHECKS[c.kind] as Check<ConditionKind>)(c, f);
}

/** Stored targeting, read defensively: a row written by an older build that no longer parses targets nobody. */
export function readTargeting(stored: unknown): Targeting | "unreadable" | null {
  if (stored === null || stored === undefined) return null;
  const parsed = targetingSchema.safeParse(stored);
  return parsed.success ? parsed.data : "unreadable";
}

/** The conditions that keep the customer out; empty = targeted. "all" needs every condition, "any" one. */
export function unmetConditions(t: Targeting, f: TargetingFacts): Condition[] {
  if (t.conditions.length === 0) return [];
  const unmet = t.conditions.filter((c) => !conditionMet(c, f));
  if (t.match === "all") return unmet;
  return unmet.length === t.conditions.length ? unmet : [];
}

type Names = { product: (id: string) => string; amount: (minor: number, currency: string) => string };

/** A subscription status as the console names it, in `locale`. */
export function subscriptionStatusLabel(status: (typeof SUBSCRIPTION_STATUSES)[number], locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (status) {
    case "ACTIVE":
      return t("console.subStatus.ACTIVE");
    case "ON_HOLD":
      return t("console.subStatus.ON_HOLD");
    case "PAST_DUE":
      return t("console.subStatus.PAST_DUE");
    case "PAUSED":
      return t("console.subStatus.PAUSED");
    case "CANCELLED":
      return t("console.subStatus.CANCELLED");
    case "EXPIRED":
      return t("console.subStatus.EXPIRED");
  }
}

/** One condition in words, in `locale`, for the "test as a customer" reasons. */
export function describeCondition(c: Condition, names: Names, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const either = (items: readonly string[]) => items.reduce((a, b) => t("console.condition.or", { a, b }));
  const products = (ids: readonly string[]) => either(ids.map(names.product));
  switch (c.kind) {
    case "customer":
      return c.is === "new" ? t("console.condition.newCustomer") : t("console.condition.returningCustomer");
    case "country":
      return c.op === "in" ? t("console.condition.countryIn", { countries: c.countries.join(", ") }) : t("console.condition.countryNotIn", { countries: c.countries.join(", ") });
    case "currency":
      return t("console.condition.currency", { currencies: either(c.currencies) });
    case "order_value": {
      const min = c.min === null ? null : names.amount(c.min, c.currency);
      const max = c.max === null ? null : names.amount(c.max, c.currency);
      if (min && max) return t("console.condition.between", { min, max });
      if (min) return t("console.condition.atLeast", { min });
      if (max) return t("console.condition.atMost", { max });
      return t("console.condition.inCurrency", { currency: c.currency });
    }
    case "owns":
      return t("console.condition.owns", { products: products(c.productIds) });
    case "not_owns":
      return t("console.condition.notOwns", { products: products(c.productIds) });
    case "subscription": {
      const statuses = c.statuses.length ? either(c.statuses.map((s) => subscriptionStatusLabel(s, locale))) : t("console.condition.anyStatus");
      return c.planIds.length ? t("console.condition.subscriptionTo", { statuses, plans: products(c.planIds) }) : t("console.condition.subscription", { statuses });
    }
  }
}
