import "server-only";
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { planValueSchema } from "./plan-value-schema";

/** Saves what a plan includes and its merchant-set badge (a refusal worded in `locale`). */
export async function setPlanValue(raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ productId: string }>> {
  const t = translator(locale);
  const parsed = planValueSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { productId, features, badge } = parsed.data;
  const { count } = await db.product.updateMany({ where: { id: productId, kind: "SUBSCRIPTION" }, data: { features, badge } });
  return count ? ok({ productId }) : fail("not_found", t("console.products.planGone"));
}
