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

export const SUBSCRIPTION_STATUSES = ["ACTIVE", "ON_HOLD", "PAST_DUE", "PAUSED", "CANCELLED", "EXPIRED"] as const satisfies readonly SubscriptionStatus[];

export const SUBSCRIPTION_STATUS_LABELS: Record<(typeof SUBSCRIPTION_STATUSES)[number], string> = {
  ACTIVE: "active",
  ON_HOLD: "on hold",
  PAST_DUE: "past due",
  PAUSED: "paused",
  CANCELLED: "cancelled",
  EXPIRED: "expired",
};

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

/** One condition in words, for the editor summary and the "test as a customer" reasons. */
export function describeCondition(c: Condition, names: Names): string {
  const products = (ids: readonly string[]) => ids.map(names.product).join(" or ");
  switch (c.kind) {
    case "customer":
      return c.is === "new" ? "a new customer (first paid order)" : "a returning customer (paid before)";
    case "country":
      return `${c.op === "in" ? "billing country in" : "billing country not in"} ${c.countries.join(", ")}`;
    case "currency":
      return `paying in ${c.currencies.join(" or ")}`;
    case "order_value": {
      const min = c.min === null ? null : names.amount(c.min, c.currency);
      const max = c.max === null ? null : names.amount(c.max, c.currency);
      const range = min && max ? `between ${min} and ${max}` : min ? `at least ${min}` : max ? `at most ${max}` : `in ${c.currency}`;
      return `order value ${range}`;
    }
    case "owns":
      return `owns ${products(c.productIds)}`;
    case "not_owns":
      return `doesn't own ${products(c.productIds)}`;
    case "subscription": {
      const statuses = c.statuses.length ? c.statuses.map((s) => SUBSCRIPTION_STATUS_LABELS[s]).join(" or ") : "any";
      const plans = c.planIds.length ? ` to ${products(c.planIds)}` : "";
      return `has a subscription (${statuses})${plans}`;
    }
  }
}
