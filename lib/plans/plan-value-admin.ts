import "server-only";
import { db } from "@/lib/db/client";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { planValueSchema } from "./plan-value-schema";

/** Saves what a plan includes and its merchant-set badge. */
export async function setPlanValue(raw: unknown): Promise<Result<{ productId: string }>> {
  const parsed = planValueSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { productId, features, badge } = parsed.data;
  const { count } = await db.product.updateMany({ where: { id: productId, kind: "SUBSCRIPTION" }, data: { features, badge } });
  return count ? ok({ productId }) : fail("not_found", "This plan no longer exists.");
}
