import { invalid } from "../http/errors";

/**
 * Credit amounts are decimal strings in Dodo's API (SDK: `credits_amount: string`, ledger `amount`,
 * balances) with the entitlement's `precision` (0–10 decimal places). The sandbox computes on
 * integers of the smallest unit (10^-precision) so no float rounding creeps into a balance.
 * The SDK bounds amounts to NUMERIC(38,28): "the integer part must have fewer than 10 digits".
 */
const MAX_INTEGER_DIGITS = 9;

/** Parses a non-negative decimal string into smallest units; more decimals than `precision` is a 422. */
export function toUnits(value: string, precision: number, field = "amount"): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw invalid(`${field} must be a non-negative decimal string`);
  const [, whole = "0", fraction = ""] = match;
  if (whole.replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS) throw invalid(`${field}: the integer part must have fewer than 10 digits`);
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > precision) throw invalid(`${field} has more than ${precision} decimal places`);
  return BigInt(whole) * 10n ** BigInt(precision) + BigInt(significant.padEnd(precision, "0") || "0");
}

/** Smallest units back to a decimal string, without trailing zeros ("12.5", "100", "-3"). */
export function fromUnits(units: bigint, precision: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(precision + 1, "0");
  const whole = digits.slice(0, digits.length - precision);
  const fraction = digits.slice(digits.length - precision).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** `units × percent / 100`, rounded down to whole smallest units. */
export function percentOf(units: bigint, percent: number): bigint {
  return (units * BigInt(Math.round(percent * 100))) / 10_000n;
}
