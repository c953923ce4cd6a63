import { handle } from "@/lib/api/endpoint";
import { planPreviewOperation } from "@/lib/api/operations/plan-preview";

// POST /api/v1/subscriptions/{subscription_id}/plan-change-preview (described, with its schemas, in lib/api/operations/plan-preview.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = handle(planPreviewOperation);
