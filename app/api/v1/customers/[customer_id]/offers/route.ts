import { handle } from "@/lib/api/endpoint";
import { offersOperation } from "@/lib/api/operations/offers";

// GET /api/v1/customers/{customer_id}/offers (described, with its schemas, in lib/api/operations/offers.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = handle(offersOperation);
