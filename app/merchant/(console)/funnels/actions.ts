"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { merchantAction } from "@/lib/actions/define";
import { merchantFormAction } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { addStep, createFunnel, removeStep, setEntryStep, setFunnelActive, setStepEdges, updateFunnel, updateStep } from "@/lib/offers/funnel-admin";

const funnel = z.object({ id: formText });
const inFunnel = z.object({ funnelId: formText });
const step = z.object({ stepId: formText });

export const createFunnelAction = merchantFormAction("create funnel", z.unknown(), (_input, { values }) => createFunnel(values), (created) => redirect(`/merchant/funnels/${created.id}`));

export const updateFunnelAction = merchantFormAction("update funnel", funnel, ({ id }, { values }) => updateFunnel(id, values), () => "Funnel saved.");

export const addStepAction = merchantFormAction("add step", inFunnel, ({ funnelId }, { values }) => addStep(funnelId, values), () => "Step added.");

export const updateStepAction = merchantFormAction("update step", step, ({ stepId }, { values }) => updateStep(stepId, values), () => "Step saved.");

export const setEdgesAction = merchantFormAction("set step paths", step, ({ stepId }, { values }) => setStepEdges(stepId, values), () => "Paths saved.");

export const removeStepAction = merchantFormAction("remove step", step, ({ stepId }) => removeStep(stepId), () => "Step removed.");

export const setEntryStepAction = merchantAction(inFunnel.extend({ stepId: formText }), {
  name: "set entry step",
  onFailure: () => undefined,
  run: async ({ funnelId, stepId }) => {
    const result = await setEntryStep(funnelId, stepId);
    if (!result.ok) console.warn(`[merchant] set entry step: ${result.message}`);
    revalidatePath("/merchant", "layout");
  },
});

export const setFunnelActiveAction = merchantAction(funnel.extend({ active: formText }), {
  name: "pause or resume funnel",
  onFailure: () => undefined,
  run: async ({ id, active }) => {
    const result = await setFunnelActive(id, active === "true");
    if (!result.ok) console.warn(`[merchant] pause/resume funnel: ${result.message}`);
    revalidatePath("/merchant", "layout");
  },
});
