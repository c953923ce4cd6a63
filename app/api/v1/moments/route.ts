import { handle } from "@/lib/api/endpoint";
import { momentsOperation } from "@/lib/api/operations/moments";

// POST /api/v1/moments (described, with its schemas, in lib/api/operations/moments.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = handle(momentsOperation);
