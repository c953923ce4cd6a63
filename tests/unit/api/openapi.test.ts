// The OpenAPI document is generated from the operations' schemas; it must be a valid OpenAPI 3.1
// document and list exactly the route files that exist under app/api/v1.
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations";

const V1 = path.resolve(import.meta.dirname, "../../../app/api/v1");

/** Every route.ts under app/api/v1 as "METHOD /path/{param}". */
function routeFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/${path.relative(V1, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
        const source = fs.readFileSync(full, "utf8");
        for (const method of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push(`${method[1]} ${route}`);
      }
    }
  };
  walk(V1);
  return out.sort();
}

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("lists exactly the routes under app/api/v1, with their methods", () => {
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(documented).toEqual(routeFiles());
    expect(documented.length).toBe(OPERATIONS.length + 1);
  });

  it("describes every refusal with the one error shape, and auth on every operation but itself", () => {
    for (const [p, item] of Object.entries(doc.paths ?? {})) {
      for (const op of Object.values(item as Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>; security?: unknown[] }>)) {
        if (p === "/openapi.json") {
          expect(op.security).toEqual([]);
          continue;
        }
        expect(op.security).toEqual([{ apiKey: [] }]);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "429", "500"]));
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(response.content?.["application/json"]?.schema.$ref).toBe("#/components/schemas/Error");
        }
      }
    }
    expect(doc.paths?.["/checkout-sessions"]?.post?.responses).toHaveProperty("403");
  });
});
