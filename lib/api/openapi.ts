import "server-only";
import { OpenApiGeneratorV31, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { ZodObject } from "zod";
import { loadEnv } from "@/lib/env";
import { apiErrorSchema, ERROR_DESCRIPTIONS, type ApiErrorStatus } from "./errors";
import { OPERATIONS } from "./operations";
import { z } from "./zod";

// The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas (the ones
// that parse each request), served at /api/v1/openapi.json.

/** Every operation may answer these, whatever it does. */
const COMMON_ERRORS: ApiErrorStatus[] = [401, 429, 500];

function errorResponse(status: ApiErrorStatus) {
  return { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: apiErrorSchema } } };
}

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer", description: "An API key from the merchant console (Integrations). Read keys may call read operations; write keys everything." });
  for (const op of OPERATIONS) {
    const statuses = new Set<ApiErrorStatus>([...COMMON_ERRORS, ...op.errors, ...(op.scope === "write" ? [403 as const] : []), ...(op.params || op.query || op.body ? [422 as const] : []), ...(op.body ? [400 as const, 413 as const] : [])]);
    registry.registerPath({
      method: op.method,
      path: op.path,
      operationId: op.operationId,
      summary: op.summary,
      description: `${op.description ?? ""}${op.description ? "\n\n" : ""}Scope: ${op.scope}.`,
      tags: [op.tag],
      security: [{ apiKey: [] }],
      request: {
        ...(op.params ? { params: op.params as unknown as ZodObject } : {}),
        ...(op.query ? { query: op.query as unknown as ZodObject } : {}),
        ...(op.body ? { body: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
      },
      responses: {
        [op.successStatus ?? 200]: { description: "OK", content: { "application/json": { schema: op.response } } },
        ...Object.fromEntries([...statuses].sort().map((s) => [s, errorResponse(s)])),
      },
    });
  }
  registry.registerPath({
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    tags: ["Meta"],
    security: [],
    responses: { 200: { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": { schema: z.object({ openapi: z.string() }).passthrough() } } } },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Encore server API",
      version: "1.0.0",
      description: "Ask Encore about a customer's access, subscriptions, plan-change prices and offers, and create checkout sessions that return to Encore's thank-you page. Errors share one shape: { error: { code, message, request_id, fields? } }.",
    },
    servers: [{ url: `${loadEnv().APP_URL}/api/v1` }],
  });
}
