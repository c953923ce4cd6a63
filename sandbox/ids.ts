import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Dodo ids are a type prefix plus 21 base62 characters (e.g. `cus_…`, `pay_…`). */
export type IdPrefix = "cus" | "pdt" | "adn" | "cks" | "pay" | "sub" | "ref" | "pm" | "bus" | "brnd" | "msg" | "spc" | "dsc" | "dsp" | "cde" | "cgr" | "cle" | "cbl" | "cem" | "lcp";

export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(21);
  let body = "";
  // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely.
  for (let i = 0; body.length < 21; i++) {
    const byte = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!;
    if (byte < 248) body += BASE62[byte % 62];
  }
  return `${prefix}_${body}`;
}

export const ID_PATTERN = /^[a-z]+_[0-9A-Za-z]{21}$/;
