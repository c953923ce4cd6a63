// Zod building blocks for HTML form input, shared by client forms and server actions: every value
// arrives as a string (or a list of strings for checkbox groups), and "" means "not given".
import { z } from "zod";
import { fieldMessage } from "./field-message";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A hidden field naming a record (an id); missing reads as "", which no record has. */
export const formText = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string());

/** A checkbox: "on" (or true) when ticked; an unticked box is simply absent from the form. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** A list of strings from a checkbox group: absent → [], one box → [value]. */
export const stringList = z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1)));

// `label` names the field in messages: a fieldMessage for a console.fields.labels key, worded
// inside the message (lib/forms/field-message.ts words marked values too).

/** Optional whole number typed into a text/number field; "" → null. */
export function optionalInt(min: number, max: number, label: string) {
  const whole = fieldMessage("console.fields.wholeNumber", { label });
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: whole }).int(whole).min(min, fieldMessage("console.fields.atLeast", { label, min })).max(max, fieldMessage("console.fields.atMost", { label, max })).optional(),
  ).transform((v) => v ?? null);
}

/** A percentage with up to two decimals ("12.5"), returned in basis points. */
export function percentBps(min: number, max: number, label: string) {
  return z.preprocess(
    (v) => blankToUndefined(v) ?? "0",
    z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, fieldMessage("console.fields.percentFormat", { label })),
  )
    .transform((s) => Math.round(Number(s) * 100))
    .refine((bps) => bps >= min * 100 && bps <= max * 100, fieldMessage("console.fields.percentRange", { label, min, max }));
}

/** Optional amount in major units ("49.90"); converted to minor units once the currency is known. */
export const optionalAmount = z.preprocess(
  blankToUndefined,
  z.string().trim().regex(/^\d{1,9}(\.\d{1,3})?$/, fieldMessage("console.fields.amount")).optional(),
).transform((v) => v ?? null);

/** Optional id from a <select>; "" → null. */
export const optionalId = z.preprocess(blankToUndefined, z.string().min(1).optional()).transform((v) => v ?? null);
