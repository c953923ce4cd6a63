// The events Encore sends to the merchant's app. Pure: shared by the console's forms (which word
// them from the catalogues' console.endpointForm), the emitters and the README's table.

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

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
