// The earned badge's thresholds and wording (client-safe: the offer editor states them). See ./social-proof.ts.
export const EARNED_WINDOW_DAYS = 30;
export const EARNED_MIN_SHOWN = 100;
export const EARNED_MIN_ACCEPTED = 10;

/** Pure: the earned badge text for these counts, or null below the sample thresholds. */
export function earnedBadgeText(shown: number, accepted: number): string | null {
  if (shown < EARNED_MIN_SHOWN || accepted < EARNED_MIN_ACCEPTED) return null;
  return `Chosen by ${Math.round((accepted / shown) * 100)}% of customers who saw it`;
}
