// Client components get only their surface's part of the catalogue (lib/i18n/client-messages.ts):
// a key a client component uses that its surface does not ship would show as its key in the
// browser. Checked statically over every client component, like the catalogue check.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_PATHS, clientMessages, pickMessages, type ClientSurface } from "@/lib/i18n/client-messages";
import { LOCALES } from "@/lib/i18n/locales";
import { appSources, usedKeys } from "@/scripts/lib/i18n-check";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Where a client component renders, by where it lives. */
function surfacesOf(file: string): ClientSurface[] | null {
  if (file.startsWith("components/merchant/") || file.startsWith("app/merchant/")) return ["console"];
  if (file.startsWith("app/(store)/account/plan/")) return ["plan"];
  if (file.startsWith("components/offers/") || file.startsWith("components/store/")) return ["store", "plan"];
  if (file === "app/(store)/error.tsx") return ["store", "plan"];
  if (file === "app/error.tsx" || file === "app/global-error.tsx") return ["root", "store", "plan", "console"];
  // Used on every surface (focus moves and refreshes; no words of their own).
  if (file === "components/focus-handoff.tsx" || file === "components/refresh-while-processing.tsx") return ["store", "plan", "console"];
  return null;
}

const covers = (surface: ClientSurface, key: string) => CLIENT_MESSAGE_PATHS[surface].some((p) => key === p || key.startsWith(`${p}.`));

describe("client messages", () => {
  // Client components, and what they import from the app (components/offers/charge-notice.tsx has
  // no "use client" of its own but renders inside the accept button): a module a client component
  // imports runs in the browser on that component's surfaces.
  const sources = appSources(ROOT);
  const byPath = new Map(sources.map((f) => [f.path, f]));
  const resolve = (from: string, spec: string): string | undefined => {
    const base = spec.startsWith("@/") ? spec.slice(2) : path.join(path.dirname(from), spec);
    return [".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => path.normalize(base + ext)).find((p) => byPath.has(p));
  };
  const surfacesOfFile = new Map<string, Set<ClientSurface>>();
  const visit = (file: string, surfaces: readonly ClientSurface[]) => {
    const known = surfacesOfFile.get(file) ?? new Set<ClientSurface>();
    const added = surfaces.filter((s) => !known.has(s));
    if (!added.length && surfacesOfFile.has(file)) return;
    for (const s of added) known.add(s);
    surfacesOfFile.set(file, known);
    for (const m of byPath.get(file)!.text.matchAll(/^import\s+(?!type\b)([^;]*?)from\s+["']((?:@\/|\.{1,2}\/)[^"']+)["']/gm)) {
      // Imports of types only are erased; server actions and server-only modules never reach the browser.
      const names = /\{([^}]*)\}/.exec(m[1]!)?.[1];
      if (names && !m[1]!.replace(/\{[^}]*\}/, "").replace(/[\s,]/g, "") && names.split(",").every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
      const target = resolve(file, m[2]!);
      if (!target || /^["']use server["']/m.test(byPath.get(target)!.text) || byPath.get(target)!.text.includes('import "server-only"')) continue;
      if (target.startsWith("lib/i18n/")) continue; // the translator's own code names keys only in comments
      visit(target, added);
    }
  };
  const unmapped: string[] = [];
  for (const f of sources) {
    if (!/^["']use client["']/m.test(f.text)) continue;
    const surfaces = surfacesOf(f.path);
    if (surfaces) visit(f.path, surfaces);
    else unmapped.push(f.path);
  }

  it("every key a client component uses is shipped by each surface it renders on", () => {
    const missing: string[] = [];
    for (const [file, surfaces] of surfacesOfFile) {
      for (const key of usedKeys([byPath.get(file)!]).keys.keys()) for (const s of surfaces) if (!covers(s, key)) missing.push(`${file}: ${key} (${s})`);
    }
    expect(surfacesOfFile.size).toBeGreaterThan(20);
    expect({ unmapped, missing }).toEqual({ unmapped: [], missing: [] });
  });

  it("the console ships every field message its schemas name (its forms word them as they check)", () => {
    const schemaKeys = appSources(ROOT).flatMap((f) => [...f.text.matchAll(/(?<!function )fieldMessage\(\s*"([A-Za-z0-9_.]+)"/g)].map((m) => m[1]!));
    expect(schemaKeys.length).toBeGreaterThan(20);
    expect(schemaKeys.filter((k) => !covers("console", k))).toEqual([]);
  });

  it("ships a small part of the catalogue, in each language, and refuses a path the catalogue lacks", () => {
    for (const locale of LOCALES) {
      for (const surface of Object.keys(CLIENT_MESSAGE_PATHS) as ClientSurface[]) expect(clientMessages(locale, surface)).toBeTypeOf("object");
      const store = JSON.stringify(clientMessages(locale, "store")).length;
      expect(store).toBeLessThan(4_000);
      expect(clientMessages(locale, "store")).not.toHaveProperty("console");
    }
    expect(pickMessages({ a: { b: "x", c: "y" }, d: "z" }, ["a.b", "d"])).toEqual({ a: { b: "x" }, d: "z" });
    expect(() => pickMessages({ a: { b: "x" } }, ["a.nope"])).toThrow(/a\.nope/);
  });
});
