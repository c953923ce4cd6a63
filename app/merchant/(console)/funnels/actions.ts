"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleForm } from "@/lib/merchant/form-action";
import { addStep, createFunnel, removeStep, setEntryStep, setFunnelActive, setStepEdges, updateFunnel, updateStep } from "@/lib/merchant/funnels";
import type { FormState } from "@/lib/merchant/result";
import { requireMerchant } from "@/lib/merchant/session";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function createFunnelAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, createFunnel, (funnel) => redirect(`/merchant/funnels/${funnel.id}`));
}

export async function updateFunnelAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, (values) => updateFunnel(field(form, "id"), values), () => "Funnel saved.");
}

export async function addStepAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, (values) => addStep(field(form, "funnelId"), values), () => "Step added.");
}

export async function updateStepAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, (values) => updateStep(field(form, "stepId"), values), () => "Step saved.");
}

export async function setEdgesAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, (values) => setStepEdges(field(form, "stepId"), values), () => "Paths saved.");
}

export async function removeStepAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, () => removeStep(field(form, "stepId")), () => "Step removed.");
}

export async function setEntryStepAction(form: FormData): Promise<void> {
  await requireMerchant();
  const result = await setEntryStep(field(form, "funnelId"), field(form, "stepId"));
  if (!result.ok) console.warn(`[merchant] set entry step: ${result.message}`);
  revalidatePath("/merchant", "layout");
}

export async function setFunnelActiveAction(form: FormData): Promise<void> {
  await requireMerchant();
  const result = await setFunnelActive(field(form, "id"), form.get("active") === "true");
  if (!result.ok) console.warn(`[merchant] pause/resume funnel: ${result.message}`);
  revalidatePath("/merchant", "layout");
}
