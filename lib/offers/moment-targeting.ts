// Pure moment targeting: which reported moments an offer is shown at. An offer names moments
// (OfferMoment) with conditions on the moment's properties; the usual offer rules (./rules) apply
// on top. No I/O, so every rule is unit-tested on its own.
import { z } from "zod";

/** The moments Encore knows by name; any other lower-case name is the merchant's own. */
export const KNOWN_MOMENTS = ["usage_milestone", "plan_limit_near", "onboarding_completed"] as const;

export const momentName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_.-]*$/, "must be lower-case letters, digits, '_', '.' or '-', starting with a letter");

/** A moment's properties: a few flat values (`feature`, `used`, `limit`…). */
export const momentProperties = z
  .record(z.string().min(1).max(40).regex(/^[A-Za-z0-9_.-]+$/, "keys are letters, digits, '_', '.' or '-'"), z.union([z.string().max(200), z.number().finite(), z.boolean()]))
  .refine((p) => Object.keys(p).length <= 20, "at most 20 properties");

export type MomentProperties = z.infer<typeof momentProperties>;

const comparison = z
  .object({ gte: z.number().finite().optional(), gt: z.number().finite().optional(), lte: z.number().finite().optional(), lt: z.number().finite().optional() })
  .strict()
  .refine((c) => Object.keys(c).length > 0, "name at least one of gte, gt, lte, lt");

/** Conditions on properties: a value must be equal, a comparison must hold for a number. */
export const momentConditions = z.record(z.string().min(1).max(40), z.union([z.string().max(200), z.number().finite(), z.boolean(), comparison]));

export type MomentConditions = z.infer<typeof momentConditions>;

export type MomentTarget = { name: string; conditions: MomentConditions };
export type ReportedMoment = { name: string; properties: Readonly<Record<string, unknown>> };

function conditionHolds(condition: MomentConditions[string], value: unknown): boolean {
  if (typeof condition !== "object") return value === condition;
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (condition.gte !== undefined && !(value >= condition.gte)) return false;
  if (condition.gt !== undefined && !(value > condition.gt)) return false;
  if (condition.lte !== undefined && !(value <= condition.lte)) return false;
  if (condition.lt !== undefined && !(value < condition.lt)) return false;
  return true;
}

/** Whether a target matches a moment: same name, every condition holds on the moment's properties. */
export function targetMatches(target: MomentTarget, moment: ReportedMoment): boolean {
  if (target.name !== moment.name) return false;
  return Object.entries(target.conditions).every(([key, condition]) => Object.hasOwn(moment.properties, key) && conditionHolds(condition, moment.properties[key]));
}

/** Reads stored conditions; anything unreadable matches nothing (an offer is never shown by accident). */
export function storedConditions(value: unknown): MomentConditions | null {
  const parsed = momentConditions.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Whether any of an offer's targets matches the moment. */
export function offerTargetsMoment(targets: readonly { name: string; conditions: unknown }[], moment: ReportedMoment): boolean {
  return targets.some((t) => {
    const conditions = storedConditions(t.conditions);
    return conditions !== null && targetMatches({ name: t.name, conditions }, moment);
  });
}

/**
 * Dodo's `credit.balance_low` (payload CreditBalanceLow, docs webhooks/intents/credit) as the
 * moment it means: the customer nears a plan limit. `feature` is the credit entitlement's name,
 * `used`/`limit` are in the entitlement's units so offers can target it like a reported one.
 */
export function momentFromCreditBalanceLow(data: Record<string, unknown>): { name: "plan_limit_near"; properties: MomentProperties } | null {
  const str = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : null);
  const num = (key: string) => {
    const raw = data[key];
    const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
    return Number.isFinite(value) ? value : null;
  };
  const entitlementId = str("credit_entitlement_id");
  const available = num("available_balance");
  const limit = num("subscription_credits_amount");
  if (!entitlementId || available === null) return null;
  const properties: MomentProperties = { source: "credit.balance_low", credit_entitlement_id: entitlementId, available };
  const name = str("credit_entitlement_name");
  if (name) properties.feature = name.slice(0, 200);
  if (limit !== null) {
    properties.limit = limit;
    properties.used = limit - available;
  }
  const percent = num("threshold_percent");
  if (percent !== null) properties.threshold_percent = percent;
  const subscriptionId = str("subscription_id");
  if (subscriptionId) properties.subscription_id = subscriptionId;
  return { name: "plan_limit_near", properties };
}

// ── The console's form: a moment name and its conditions, one per line ("feature = reports",
// "used >= 3"). Shared by the form (client-side validation) and the action.

const LINE = /^\s*([A-Za-z0-9_.-]{1,40})\s*(>=|<=|=|>|<)\s*(.+?)\s*$/;
const OPS = { ">=": "gte", ">": "gt", "<=": "lte", "<": "lt" } as const;

/** Parses condition lines; a message per bad line. */
export function parseConditionLines(text: string): { ok: true; conditions: MomentConditions } | { ok: false; message: string } {
  const conditions: MomentConditions = {};
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === "") continue;
    const match = LINE.exec(raw);
    if (!match) return { ok: false, message: `Line ${index + 1}: write a condition like "feature = reports" or "used >= 3".` };
    const [, key, op, value] = match as unknown as [string, string, keyof typeof OPS | "=", string];
    if (op === "=") {
      const unquoted = /^"(.*)"$/.exec(value)?.[1];
      conditions[key] = unquoted !== undefined ? unquoted : value === "true" ? true : value === "false" ? false : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value.slice(0, 200);
      continue;
    }
    const number = Number(value);
    if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(number)) return { ok: false, message: `Line ${index + 1}: "${op}" compares numbers.` };
    const existing = conditions[key];
    conditions[key] = { ...(typeof existing === "object" ? existing : {}), [OPS[op]]: number };
  }
  if (Object.keys(conditions).length > 20) return { ok: false, message: "At most 20 conditions." };
  return { ok: true, conditions };
}

/** The lines a stored set of conditions reads as, by key (Postgres' jsonb keeps no key order). */
export function conditionLines(conditions: MomentConditions): string[] {
  return Object.entries(conditions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([key, c]) => {
    if (typeof c !== "object") return [`${key} = ${typeof c === "string" && /^(-?\d+(\.\d+)?|true|false)$/.test(c) ? `"${c}"` : c}`];
    return (Object.entries(OPS) as [string, string][]).flatMap(([op, name]) => (c[name as keyof typeof c] !== undefined ? [`${key} ${op} ${c[name as keyof typeof c]}`] : []));
  });
}

export const momentTargetSchema = z.object({
  name: momentName,
  conditions: z.string().max(2000).default("").transform((text, ctx) => {
    const parsed = parseConditionLines(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.conditions;
  }),
});
