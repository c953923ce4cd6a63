// The events Encore sends to the merchant's app. Pure: shared by the console's forms, the
// emitters and the README's table.

export const EVENT_TYPES = [
  "entitlement.granted",
  "entitlement.revoked",
  "offer.accepted",
  "offer.declined",
  "plan_change.applied",
  "plan_change.scheduled",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Sent only by "Send test event" in the console, to one endpoint, whatever its filters. */
export const TEST_EVENT_TYPE = "webhook.test";

export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  "entitlement.granted": "A customer may now use a product (a payment succeeded, a subscription became active, a plan change landed).",
  "entitlement.revoked": "A customer may no longer use a product (refund, cancellation taking effect, hold past its grace period, plan left).",
  "offer.accepted": "A customer took an offer (one click or its checkout) and the payment succeeded.",
  "offer.declined": "A customer said no thanks to an offer.",
  "plan_change.applied": "A subscription moved to its new plan.",
  "plan_change.scheduled": "A plan change will happen at the next billing date.",
};

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
