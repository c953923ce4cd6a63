import { route } from "@/lib/http/route";
import { health } from "@/lib/ops/health";

// Load balancers poll this; it must never be cached or prerendered.
export const dynamic = "force-dynamic";

export const GET = route({ name: "health", answers: "json" }, async () => {
  const result = await health();
  return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
});
