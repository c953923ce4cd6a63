"use server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { syncCatalogue } from "@/lib/catalog/sync";
import { formText } from "@/lib/forms/fields";
import { createLadder, setLadderRanking, updateLadder } from "@/lib/plans/ladder-admin";
import { ok } from "@/lib/result";
import { setPlanValue } from "@/lib/plans/plan-value-admin";

const ladder = z.object({ id: formText });

export const syncProductsAction = merchantFormAction("sync products", z.unknown(), async () => ok(await syncCatalogue()), (s) =>
  `Synced ${s.synced} product${s.synced === 1 ? "" : "s"} from Dodo${s.archived ? `; ${s.archived} no longer listed, marked archived` : ""}.`,
);

export const createLadderAction = merchantFormAction("create ladder", z.unknown(), (_input, { values }) => createLadder(values), () => "Plan ladder created. Rank its plans below.");

export const updateLadderAction = merchantFormAction("update ladder", ladder, ({ id }, { values }) => updateLadder(id, values), () => "Plan-change policy saved.");

export const setRankingAction = merchantFormAction("rank plans", ladder, ({ id }, { values }) => setLadderRanking(id, values), () => "Plan ranking saved.");

export const setPlanValueAction = merchantFormAction("set plan value", z.unknown(), (_input, { values }) => setPlanValue(values), () => "Plan details saved.");
