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
  if (file === "app/error.tsx") return ["root", "store", "plan", "console"];
  return null;
}

const covers = (surface: ClientSurface, key: string) => CLIENT_MESSAGE_PATHS[surface].some((p) => key === p || key.startsWith(`${p}.`));

describe("client messages", () => {
  const clientFiles = appSources(ROOT).filter((f) => /^["']use client["']/m.test(f.text) && /useTranslations|fieldMessage|wordField/.test(f.text));

  it("every key a client component uses is shipped by each surface it renders on", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    const unmapped: string[] = [];
    const missing: string[] = [];
    for (const file of clientFiles) {
      const surfaces = surfacesOf(file.path);
      if (!surfaces) {
        unmapped.push(file.path);
        continue;
      }
      for (const key of usedKeys([file]).keys.keys()) for (const s of surfaces) if (!covers(s, key)) missing.push(`${file.path}: ${key} (${s})`);
    }
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
