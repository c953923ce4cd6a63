// The offer form's targeting and schedule fields (components/merchant/offer-targeting.tsx) and
// their translation to the stored Targeting (lib/offers/targeting.ts). Client-safe: the form
// validates with these fields before submitting, the server action again.
import { z } from "zod";
import { majorToMinor, minorToMajor } from "@/lib/money/amounts";
import { fieldMessage } from "@/lib/forms/field-message";
import { optionalAmount, stringList } from "@/lib/forms/fields";
import { SUBSCRIPTION_STATUSES, type Condition, type Targeting } from "./targeting";

// `message`: a fieldMessage (lib/forms/field-message.ts), worded where it is shown.
const codeList = (length: 2 | 3, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z.string().transform((s) => [...new Set(s.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))]),
  ).refine((codes) => codes.every((c) => new RegExp(`^[A-Z]{${length}}$`).test(c)), message);

/** "2026-12-24T09:00" from a datetime-local field, read as UTC (the field says so); "" → null. */
const utcDateTime = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, message).optional(),
  ).transform((v) => (v ? new Date(`${v.length === 16 ? `${v}:00` : v}Z`) : null));

export const targetingFields = {
  targetMatch: z.preprocess((v) => v ?? "all", z.enum(["all", "any"], { message: fieldMessage("console.fields.offer.targetMatch") })),
  tCustomer: z.preprocess((v) => v ?? "", z.enum(["", "new", "returning"], { message: fieldMessage("console.fields.offer.customer") })),
  tCountryMode: z.preprocess((v) => v ?? "in", z.enum(["in", "not_in"])),
  tCountries: codeList(2, fieldMessage("console.fields.offer.countries")),
  tCurrencies: codeList(3, fieldMessage("console.fields.offer.currencies")),
  tOrderMin: optionalAmount,
  tOrderMax: optionalAmount,
  tOwns: stringList,
  tNotOwns: stringList,
  tSubStatuses: z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(SUBSCRIPTION_STATUSES))),
  tSubPlans: stringList,
  startsAt: utcDateTime(fieldMessage("console.fields.offer.startsAt")),
  endsAt: utcDateTime(fieldMessage("console.fields.offer.endsAt")),
};

export type TargetingFormInput = { [K in keyof typeof targetingFields]: z.output<(typeof targetingFields)[K]> };

/** Checks across fields, added to the offer schema's superRefine so every problem shows at once. */
export function refineTargeting(v: Partial<TargetingFormInput>, ctx: z.RefinementCtx): void {
  if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: fieldMessage("console.fields.offer.endsAfterStart") });
  if (v.tOrderMin && v.tOrderMax && Number(v.tOrderMax) < Number(v.tOrderMin)) ctx.addIssue({ code: "custom", path: ["tOrderMax"], message: fieldMessage("console.fields.offer.orderMaxBelowMin") });
}

/**
 * The stored targeting for the form's values; null when no condition is set (everyone). Order
 * values are in `currency` (the offered product's, like the minimum order value).
 */
export function targetingFromForm(v: TargetingFormInput, currency: string): { ok: true; targeting: Targeting | null } | { ok: false; field: "tOrderMin" | "tOrderMax"; message: string } {
  const conditions: Condition[] = [];
  if (v.tCustomer) conditions.push({ kind: "customer", is: v.tCustomer });
  if (v.tCountries.length) conditions.push({ kind: "country", op: v.tCountryMode, countries: v.tCountries });
  if (v.tCurrencies.length) conditions.push({ kind: "currency", currencies: v.tCurrencies });
  if (v.tOrderMin !== null || v.tOrderMax !== null) {
    const min = v.tOrderMin === null ? null : majorToMinor(v.tOrderMin, currency);
    const max = v.tOrderMax === null ? null : majorToMinor(v.tOrderMax, currency);
    if (v.tOrderMin !== null && min === null) return { ok: false, field: "tOrderMin", message: fieldMessage("console.fields.offer.tooManyDecimals", { currency }) };
    if (v.tOrderMax !== null && max === null) return { ok: false, field: "tOrderMax", message: fieldMessage("console.fields.offer.tooManyDecimals", { currency }) };
    conditions.push({ kind: "order_value", currency: currency.toUpperCase(), min, max });
  }
  if (v.tOwns.length) conditions.push({ kind: "owns", productIds: [...new Set(v.tOwns)] });
  if (v.tNotOwns.length) conditions.push({ kind: "not_owns", productIds: [...new Set(v.tNotOwns)] });
  if (v.tSubStatuses.length || v.tSubPlans.length) conditions.push({ kind: "subscription", statuses: [...new Set(v.tSubStatuses)], planIds: [...new Set(v.tSubPlans)] });
  return { ok: true, targeting: conditions.length ? { match: v.targetMatch, conditions } : null };
}

const toLocalField = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

/** Stored targeting and schedule back as form values, for the edit form. */
export function targetingFormValues(t: Targeting | null, startsAt: Date | null, endsAt: Date | null): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = { targetMatch: t?.match ?? "all", tCountryMode: "in", startsAt: toLocalField(startsAt), endsAt: toLocalField(endsAt) };
  for (const c of t?.conditions ?? []) {
    switch (c.kind) {
      case "customer": values.tCustomer = c.is; break;
      case "country": values.tCountryMode = c.op; values.tCountries = c.countries.join(", "); break;
      case "currency": values.tCurrencies = c.currencies.join(", "); break;
      case "order_value":
        values.tOrderMin = c.min === null ? "" : minorToMajor(c.min, c.currency);
        values.tOrderMax = c.max === null ? "" : minorToMajor(c.max, c.currency);
        break;
      case "owns": values.tOwns = c.productIds; break;
      case "not_owns": values.tNotOwns = c.productIds; break;
      case "subscription": values.tSubStatuses = c.statuses; values.tSubPlans = c.planIds; break;
    }
  }
  return values;
}
