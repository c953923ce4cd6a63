import { handle } from "@/lib/api/endpoint";
import { accessOperation } from "@/lib/api/operations/access";

// GET /api/v1/customers/{customer_id}/access/{product_id} (described, with its schemas, in lib/api/operations/access.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = handle(accessOperation);
