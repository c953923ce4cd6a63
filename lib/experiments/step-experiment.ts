import "server-only";
// A funnel step's experiment over its whole run: per live variant, impressions (holdouts excluded),
// accepts and the accepted value at the price shown, judged by ./significance.
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, ok, type Result } from "@/lib/result";
import { judgeExperiment, type Verdict } from "./significance";

export async function stepExperiment(stepId: string, { locale }: { locale?: Locale } = {}): Promise<Verdict & { offerNames: Map<string, string> }> {
  const variants = await db.stepVariant.findMany({ where: { stepId, weightBps: { gt: 0 } }, orderBy: { label: "asc" }, select: { id: true, label: true, offer: { select: { name: true } } } });
  const ids = variants.map((v) => v.id);
  const [shown, accepted] = await Promise.all([
    db.offerImpression.groupBy({ by: ["variantId"], where: { variantId: { in: ids }, holdout: false }, _count: { _all: true } }),
    db.offerImpression.groupBy({ by: ["variantId", "currency"], where: { variantId: { in: ids }, holdout: false, decision: { outcome: "ACCEPTED" } }, _count: { _all: true }, _sum: { priceAmount: true } }),
  ]);
  const currencies = new Set(accepted.map((a) => a.currency));
  const arms = variants.map((v) => {
    const impressions = shown.find((s) => s.variantId === v.id)?._count._all ?? 0;
    const mine = accepted.filter((a) => a.variantId === v.id);
    const accepts = mine.reduce((s, a) => s + a._count._all, 0);
    const value = mine.reduce((s, a) => s + (a._sum.priceAmount ?? 0), 0);
    // Value per impression compares only within one currency.
    return { variantId: v.id, label: v.label, impressions, accepts, valuePerImpression: currencies.size <= 1 && impressions > 0 ? value / impressions : null };
  });
  return { ...judgeExperiment(arms, locale), offerNames: new Map(variants.map((v) => [v.id, v.offer.name])) };
}

/** Ends the experiment: the variant gets all non-holdout traffic; the others are retired (weight 0, history kept). */
export async function keepOnlyVariant(stepId: string, variantId: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ label: string }>> {
  return inTransaction(async (tx) => {
    const variant = await tx.stepVariant.findFirst({ where: { id: variantId, stepId }, select: { label: true } });
    const t = translator(locale);
    if (!variant) return fail("not_found", t("console.experiment.variantGone"));
    await tx.stepVariant.updateMany({ where: { stepId, id: { not: variantId } }, data: { weightBps: 0 } });
    await tx.stepVariant.update({ where: { id: variantId }, data: { weightBps: 10_000 } });
    return ok({ label: variant.label });
  });
}
