// The message-catalogue check behind tests/unit/i18n/catalogues.test.ts (part of `npm test`):
// every language has exactly the keys English has, each message parses as ICU and uses the same
// arguments as the English one, every key the code uses exists, and every key exists because the
// code uses it. Keys are found statically: a translator is always called `t` with a literal
// full key — t("store.home.title"), t.rich("…"), t.has("…") — or a schema names one with
// fieldMessage("…") (lib/forms/field-message.ts), and a call with anything else is itself
// reported, so no key can hide from the check.
import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export type Catalogue = { [key: string]: string | Catalogue };
export type SourceFile = { path: string; text: string };

/** "a.b.c" → message, for every leaf. */
export function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

// t("key"), t.rich("key"), t.markup("key"), t.has("key"); a key is letters, digits, dots.
// (fieldMessage's own definition, "function fieldMessage(key…", is not a use.)
const CALL = /(?<![\w.$])(?:t(?:\.(?:rich|markup|has|raw))?|(?<!function )fieldMessage)\(\s*/g;
const LITERAL = /^(["'])([A-Za-z0-9_.]+)\1/;

/** Keys used by the sources, and calls whose key is not a plain literal. */
export function usedKeys(files: SourceFile[]): { keys: Map<string, string[]>; dynamic: string[] } {
  const keys = new Map<string, string[]>();
  const dynamic: string[] = [];
  for (const file of files) {
    for (const call of file.text.matchAll(CALL)) {
      const rest = file.text.slice(call.index + call[0].length);
      const literal = LITERAL.exec(rest);
      const line = file.text.slice(0, call.index).split("\n").length;
      if (!literal) {
        // `t()` with no argument is not a lookup (e.g. a type or a call to an unrelated t).
        if (!rest.startsWith(")")) dynamic.push(`${file.path}:${line}`);
        continue;
      }
      const where = keys.get(literal[2]!) ?? [];
      where.push(`${file.path}:${line}`);
      keys.set(literal[2]!, where);
    }
  }
  return { keys, dynamic };
}

export type CatalogueProblems = {
  missing: { locale: string; key: string }[];
  extra: { locale: string; key: string }[];
  unparsable: { locale: string; key: string; error: string }[];
  argumentMismatch: { locale: string; key: string; expected: string[]; actual: string[] }[];
  undefinedKeys: { key: string; at: string[] }[];
  unusedKeys: string[];
  dynamicCalls: string[];
};

export function catalogueProblems(reference: string, catalogues: Record<string, Catalogue>, files: SourceFile[]): CatalogueProblems {
  const flat = Object.fromEntries(Object.entries(catalogues).map(([locale, c]) => [locale, flatten(c)]));
  const ref = flat[reference];
  if (!ref) throw new Error(`no ${reference} catalogue`);
  const problems: CatalogueProblems = { missing: [], extra: [], unparsable: [], argumentMismatch: [], undefinedKeys: [], unusedKeys: [], dynamicCalls: [] };
  const args = (locale: string, key: string, message: string): Set<string> | null => {
    try {
      return argumentsOf(parse(message));
    } catch (err) {
      problems.unparsable.push({ locale, key, error: err instanceof Error ? err.message : String(err) });
      return null;
    }
  };
  const refArgs = new Map([...ref].map(([key, message]) => [key, args(reference, key, message)]));
  for (const [locale, messages] of Object.entries(flat)) {
    if (locale === reference) continue;
    for (const key of ref.keys()) if (!messages.has(key)) problems.missing.push({ locale, key });
    for (const [key, message] of messages) {
      if (!ref.has(key)) {
        problems.extra.push({ locale, key });
        continue;
      }
      const expected = refArgs.get(key);
      const actual = args(locale, key, message);
      if (expected && actual) {
        const e = [...expected].sort();
        const a = [...actual].sort();
        if (e.join() !== a.join()) problems.argumentMismatch.push({ locale, key, expected: e, actual: a });
      }
    }
  }
  const { keys, dynamic } = usedKeys(files);
  problems.dynamicCalls = dynamic;
  for (const [key, at] of keys) if (!ref.has(key)) problems.undefinedKeys.push({ key, at });
  problems.unusedKeys = [...ref.keys()].filter((key) => !keys.has(key));
  return problems;
}

const SOURCE_DIRS = ["app", "components", "lib"];

/** The app's own TypeScript sources (not generated code). */
export function appSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (/\.(ts|tsx)$/.test(entry.name)) {
        files.push({ path: path.relative(root, full), text: fs.readFileSync(full, "utf8") });
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir));
  return files;
}
