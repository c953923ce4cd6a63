// The ids of focus handoff targets (components/focus-handoff.tsx), shared by server and client components.
export const answeredTarget = (impressionId: string) => `answered:${impressionId}`;
export const NEXT_OFFER_TARGET = "offer:next";
export const PLAN_NOTICE_TARGET = "plan:notice";
