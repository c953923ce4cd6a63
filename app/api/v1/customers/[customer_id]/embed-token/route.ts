import { handle } from "@/lib/api/endpoint";
import { embedTokenOperation } from "@/lib/api/operations/moments";

// POST /api/v1/customers/{customer_id}/embed-token (lib/api/operations/moments.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = handle(embedTokenOperation);
