import { openApiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/http/route";

// The OpenAPI document of /api/v1, generated from the operations' zod schemas. Public: it holds
// no data, and client generators fetch it without a key.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ name: "openapi document", answers: "json" }, async () =>
  Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } }),
);
