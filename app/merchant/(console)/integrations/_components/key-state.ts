import type { FormState } from "@/lib/forms/state";

/** The new-key form's state: a created key's secret travels once, in this answer only. */
export type KeyFormState = FormState & { secret?: string };
