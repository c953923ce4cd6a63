import { handle } from "@/lib/api/endpoint";
import { checkoutSessionsOperation } from "@/lib/api/operations/checkout-sessions";

// POST /api/v1/checkout-sessions (described, with its schemas, in lib/api/operations/checkout-sessions.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = handle(checkoutSessionsOperation);
