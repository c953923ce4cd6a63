// Services and schemas name field messages by catalogue key (lib/forms/field-message.ts); the
// console's form actions word them. Tests that call a service or a schema directly read them the
// same way: every marked message in a value (a result, field errors, a message) in words.
import { wordFieldMessage, type Translate } from "@/lib/forms/field-message";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export function worded<T>(value: T, locale: Locale = "en"): T {
  const t = translator(locale) as unknown as Translate;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return wordFieldMessage(v, t);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
