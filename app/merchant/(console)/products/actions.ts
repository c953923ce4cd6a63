"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { syncCatalogue } from "@/lib/catalog/sync";
import { formText } from "@/lib/forms/fields";
import { createLadder, setLadderRanking, updateLadder } from "@/lib/plans/ladder-admin";
import { ok } from "@/lib/result";
import { setPlanValue } from "@/lib/plans/plan-value-admin";

const ladder = z.object({ id: formText });

export const syncProductsAction = merchantFormAction("sync products", z.unknown(), async () => ok(await syncCatalogue()), async (s) => {
  const t = await getTranslations();
  return s.archived ? t("console.products.syncedArchived", { count: s.synced, archived: s.archived }) : t("console.products.synced", { count: s.synced });
});

export const createLadderAction = merchantFormAction("create ladder", z.unknown(), (_input, { values, locale }) => createLadder(values, { locale }), async () => {
  const t = await getTranslations();
  return t("console.products.ladderCreated");
});

export const updateLadderAction = merchantFormAction("update ladder", ladder, ({ id }, { values, locale }) => updateLadder(id, values, { locale }), async () => {
  const t = await getTranslations();
  return t("console.products.policySaved");
});

export const setRankingAction = merchantFormAction("rank plans", ladder, ({ id }, { values, locale }) => setLadderRanking(id, values, { locale }), async () => {
  const t = await getTranslations();
  return t("console.products.rankingSaved");
});

export const setPlanValueAction = merchantFormAction("set plan value", z.unknown(), (_input, { values, locale }) => setPlanValue(values, { locale }), async () => {
  const t = await getTranslations();
  return t("console.products.planValueSaved");
});
