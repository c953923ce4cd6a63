import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { appSources, catalogueProblems } from "@/scripts/lib/i18n-check";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("message catalogues", () => {
  const problems = catalogueProblems("en", MESSAGES, appSources(ROOT));

  it("give every language exactly the keys English has", () => {
    expect(problems.missing).toEqual([]);
    expect(problems.extra).toEqual([]);
  });

  it("hold valid ICU messages with the same arguments in every language", () => {
    expect(problems.unparsable).toEqual([]);
    expect(problems.argumentMismatch).toEqual([]);
  });

  it("define every key the code uses, and only those", () => {
    expect(problems.undefinedKeys).toEqual([]);
    expect(problems.unusedKeys).toEqual([]);
  });

  it("are only read with literal keys, so this check sees every one", () => {
    expect(problems.dynamicCalls).toEqual([]);
  });
});

describe("the catalogue check", () => {
  const en = { shop: { title: "Shop", greeting: "Hello {name}", items: "{count, plural, one {# item} other {# items}}" } };
  const files = [{ path: "a.tsx", text: `t("shop.title"); t.rich("shop.greeting", { name }); t("shop.items", { count })` }];

  it("passes a consistent set", () => {
    const p = catalogueProblems("en", { en, "pt-BR": { shop: { title: "Loja", greeting: "Olá {name}", items: "{count, plural, one {# item} other {# itens}}" } } }, files);
    expect(p).toEqual({ missing: [], extra: [], unparsable: [], argumentMismatch: [], undefinedKeys: [], unusedKeys: [], dynamicCalls: [] });
  });

  it("reports a key missing from a language, and one only it has", () => {
    const p = catalogueProblems("en", { en, "pt-BR": { shop: { title: "Loja", greeting: "Olá {name}", extra: "x" } } }, files);
    expect(p.missing).toEqual([{ locale: "pt-BR", key: "shop.items" }]);
    expect(p.extra).toEqual([{ locale: "pt-BR", key: "shop.extra" }]);
  });

  it("reports a translation that drops or renames an argument, and one that does not parse", () => {
    const p = catalogueProblems("en", { en, "pt-BR": { shop: { title: "Loja {x", greeting: "Olá {nome}", items: "{count, plural, other {# itens}}" } } }, files);
    expect(p.argumentMismatch).toEqual([{ locale: "pt-BR", key: "shop.greeting", expected: ["name"], actual: ["nome"] }]);
    expect(p.unparsable.map((u) => u.key)).toEqual(["shop.title"]);
  });

  it("reports a key used in code that no catalogue has, and a catalogue key no code uses", () => {
    const p = catalogueProblems("en", { en, "pt-BR": en }, [{ path: "b.ts", text: `t("shop.title");\nt('shop.nope')` }]);
    expect(p.undefinedKeys).toEqual([{ key: "shop.nope", at: ["b.ts:2"] }]);
    expect(p.unusedKeys).toEqual(["shop.greeting", "shop.items"]);
  });

  it("counts a key a schema names with fieldMessage as used", () => {
    const p = catalogueProblems("en", { en, "pt-BR": en }, [...files, { path: "d.ts", text: `z.string().min(1, fieldMessage("shop.nope"))` }]);
    expect(p.undefinedKeys).toEqual([{ key: "shop.nope", at: ["d.ts:1"] }]);
    expect(catalogueProblems("en", { en, "pt-BR": en }, [{ path: "e.ts", text: `t("shop.title"); t("shop.items"); fieldMessage('shop.greeting', { name })` }]).unusedKeys).toEqual([]);
  });

  it("reports a lookup whose key is not a literal", () => {
    const p = catalogueProblems("en", { en, "pt-BR": en }, [...files, { path: "c.ts", text: "const k = 'shop.title';\nt(k); t(`shop.${x}`); format(t) ; sort()" }]);
    expect(p.dynamicCalls).toEqual(["c.ts:2", "c.ts:2"]);
  });
});
