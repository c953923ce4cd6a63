"use server";
import { handleForm } from "@/lib/merchant/form-action";
import { syncCatalogue } from "@/lib/catalog/sync";
import { createLadder, setLadderRanking, updateLadder } from "@/lib/merchant/products";
import { ok, type FormState } from "@/lib/merchant/result";
import { requireMerchant } from "@/lib/merchant/session";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function syncProductsAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, async () => ok(await syncCatalogue()), (s) =>
    `Synced ${s.synced} product${s.synced === 1 ? "" : "s"} from Dodo${s.archived ? `; ${s.archived} no longer listed, marked archived` : ""}.`,
  );
}

export async function createLadderAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, createLadder, () => "Plan ladder created. Rank its plans below.");
}

export async function updateLadderAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, (values) => updateLadder(field(form, "id"), values), () => "Plan-change policy saved.");
}

export async function setRankingAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, (values) => setLadderRanking(field(form, "id"), values), () => "Plan ranking saved.");
}
