import { handle } from "@/lib/api/endpoint";
import { subscriptionsOperation } from "@/lib/api/operations/subscriptions";

// GET /api/v1/customers/{customer_id}/subscriptions (described, with its schemas, in lib/api/operations/subscriptions.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = handle(subscriptionsOperation);
