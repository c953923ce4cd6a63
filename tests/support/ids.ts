// Unique ids for test data. Test files run in parallel against one database (and e2e specs
// against one app), so every row a test makes carries a fresh id.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * `prefix` + "_" (unless it already ends with one) + 21 random lowercase letters and digits: the
 * shape of Dodo's ids (pay_…, cus_…) in the case an email address keeps. Without a prefix, the 21
 * characters alone.
 */
export function uid(prefix = ""): string {
  const random = Array.from(randomBytes(21), (b) => ALPHABET[b % ALPHABET.length]).join("");
  if (!prefix) return random;
  return prefix.endsWith("_") ? `${prefix}${random}` : `${prefix}_${random}`;
}
