import { handleDodoWebhook, MAX_WEBHOOK_BODY_BYTES, readBodyCapped } from "@/lib/webhooks/handle";

// Prisma and the signature check need Node; every delivery must reach the handler.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  // The raw body first: the signature covers the exact bytes Dodo sent.
  const declared = Number(req.headers.get("content-length") ?? 0);
  const rawBody = declared > MAX_WEBHOOK_BODY_BYTES ? null : await readBodyCapped(req.body, MAX_WEBHOOK_BODY_BYTES);
  if (rawBody === null) return Response.json({ error: "payload_too_large" }, { status: 413 });
  const result = await handleDodoWebhook({ rawBody, headers: req.headers });
  return Response.json(result.body, { status: result.status });
}
