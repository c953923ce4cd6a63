// What a server action receives, made into a value its schema can parse. Every action wrapper
// (define.ts) reads its input through here first, so checks that apply to every action —
// malformed text, wrong argument shapes, oversized input — belong in this one place.
import { formValues } from "@/lib/forms/state";

/** FormData → plain values (repeated fields as lists); anything else is handed on for the schema to judge. */
export function readActionInput(raw: unknown): unknown {
  if (raw instanceof FormData) return formValues(raw);
  return raw;
}
