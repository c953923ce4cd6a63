// Our keys in Dodo's metadata (a string map on checkout sessions, payments and plan changes): the
// only place they are spelled. Dodo copies a session's metadata onto its payment, so a webhook
// finds our ChargeAttempt, OfferImpression or PlanChange from the payment alone.

const KEYS = {
  impressionId: "encore_impression_id",
  chargeAttemptId: "encore_charge_attempt_id",
  planChangeId: "encore_plan_change_id",
  checkoutIntentId: "encore_checkout_intent_id",
} as const;

/** Our ids as they travel in Dodo metadata. */
export type EncoreMetadata = { -readonly [K in keyof typeof KEYS]?: string };

/** Metadata for a Dodo call; ids that are not given are left out. */
export function encoreMetadata(ids: EncoreMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(KEYS) as [keyof EncoreMetadata, string][]) {
    const value = ids[name];
    if (value) out[key] = value;
  }
  return out;
}

/** Our ids in a metadata object from Dodo (or our mirror of it); anything else reads as absent. */
export function readEncoreMetadata(metadata: unknown): EncoreMetadata {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return {};
  const source = metadata as Record<string, unknown>;
  const out: EncoreMetadata = {};
  for (const [name, key] of Object.entries(KEYS) as [keyof EncoreMetadata, string][]) {
    const value = source[key];
    if (typeof value === "string" && value !== "") out[name] = value;
  }
  return out;
}
