// Converts between what a merchant types ("49.90") and stored minor units, per currency.
import { minorUnitDigits } from "@/lib/money/money";

/** "49.9" in USD → 4990; null when the value has more decimals than the currency allows. */
export function majorToMinor(major: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const [whole = "0", fraction = ""] = major.split(".");
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** 4990 in USD → "49.90", for refilling a form. */
export function minorToMajor(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return digits === 0 ? String(amount) : (amount / 10 ** digits).toFixed(digits);
}
