import type { NextRequest } from "next/server";
import { declaredTooLarge, readBodyCapped } from "@/lib/http/body";
import { refuse, route } from "@/lib/http/route";
import { handleDodoWebhook, MAX_WEBHOOK_BODY_BYTES } from "@/lib/webhooks/handle";

// Prisma and the signature check need Node; every delivery must reach the handler.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const spec = { name: "dodo webhook", answers: "json" } as const;

export const POST = route(spec, async (request: NextRequest) => {
  // The raw body first: the signature covers the exact bytes Dodo sent.
  const rawBody = declaredTooLarge(request.headers, MAX_WEBHOOK_BODY_BYTES) ? null : await readBodyCapped(request.body, MAX_WEBHOOK_BODY_BYTES);
  if (rawBody === null) return refuse(spec, request, { status: 413, reason: "too_large", message: "A Dodo webhook is never this large." });
  const result = await handleDodoWebhook({ rawBody, headers: request.headers });
  return Response.json(result.body, { status: result.status });
});
