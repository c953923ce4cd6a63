// Pages format the catalogues precompiled (next.config.ts: next-intl's `precompile`): next-intl's
// catalogue loader compiles them with icu-minify, and use-intl's format-only formatter (aliased in
// for use-intl/format-message in the Next build) formats them. The worker, emails and scripts format
// the same JSON raw (lib/i18n/translator.ts, intl-messageformat). A customer must read the same
// words either way: every message of both catalogues, with every plural branch and select option
// exercised, formats alike through both.
import { createRequire } from "node:module";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import compile from "icu-minify/compile";
import formatPrecompiled from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/i18n/time-zone";
import { translator } from "@/lib/i18n/translator";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

type Arg = { kind: "text" | "number" | "tag" } | { kind: "select"; options: string[] };

/** Every argument a message reads, with what kind of value it takes. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, Arg>()): Map<string, Arg> {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.set(el.value, into.get(el.value) ?? { kind: "text" });
    if (el.type === TYPE.number || el.type === TYPE.plural) into.set(el.value, { kind: "number" });
    if (el.type === TYPE.date || el.type === TYPE.time) throw new Error("date arguments: give this test dates to try");
    if (el.type === TYPE.tag) {
      into.set(el.value, { kind: "tag" });
      argumentsOf(el.children, into);
    }
    if (el.type === TYPE.select) into.set(el.value, { kind: "select", options: Object.keys(el.options) });
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

const NUMBERS = [0, 1, 2, 5, 1234.5];

/** Value sets that walk every plural branch (0, one, few, many, a decimal) and every select option. */
function valueSets(args: Map<string, Arg>): Record<string, string | number | ((chunks: string[]) => string)>[] {
  const runs = Math.max(1, ...[...args.values()].map((a) => (a.kind === "select" ? a.options.length : a.kind === "number" ? NUMBERS.length : 1)));
  return Array.from({ length: runs }, (_, i) =>
    Object.fromEntries(
      [...args].map(([name, arg]) => {
        if (arg.kind === "number") return [name, NUMBERS[i % NUMBERS.length]!];
        if (arg.kind === "select") return [name, arg.options[i % arg.options.length]!];
        if (arg.kind === "tag") return [name, (chunks: string[]) => `<${name}>${chunks.join("")}</${name}>`];
        return [name, `«${name}»`];
      }),
    ),
  );
}

const formatters = {
  getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
  getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
  getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a),
};

const text = (out: unknown) => (Array.isArray(out) ? out.join("") : String(out));

// What production runs: the formatter use-intl ships for precompiled messages, with the options
// its translator passes (locale, the Intl formatters, the time zone).
const formatLikePages = (compiled: ReturnType<typeof compile>, locale: Locale, values: Record<string, unknown>) =>
  text((formatPrecompiled as unknown as (...a: unknown[]) => unknown)(undefined, compiled, values, { locale, formatters, timeZone: TIME_ZONE }));

it("compiles with the icu-minify next-intl's catalogue loader uses", () => {
  // The test compiles with the copy it imports; the build compiles with next-intl's. They must be one.
  const require = createRequire(import.meta.url);
  const loader = path.dirname(require.resolve("next-intl/extractor/catalogLoader"));
  expect(require.resolve("icu-minify/compile", { paths: [loader] })).toBe(require.resolve("icu-minify/compile"));
});

describe.each(LOCALES)("the %s catalogue, precompiled", (locale: Locale) => {
  const messages = leaves(MESSAGES[locale] as unknown as Tree);
  const t = translator(locale);

  it("has messages to check", () => {
    expect(messages.length).toBeGreaterThan(500);
  });

  it("formats every message as the raw catalogue does", () => {
    const differ: string[] = [];
    let checked = 0;
    for (const [key, message] of messages) {
      const compiled = compile(message);
      for (const values of valueSets(argumentsOf(parse(message)))) {
        const raw = t.markup(key as never, values as never);
        const pre = formatLikePages(compiled, locale, values);
        checked++;
        if (pre !== raw) differ.push(`${key} ${JSON.stringify(Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v !== "function")))}: ${JSON.stringify(pre)} ≠ ${JSON.stringify(raw)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(messages.length);
  });
});
