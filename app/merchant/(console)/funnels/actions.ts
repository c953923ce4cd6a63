"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { merchantFormAction, merchantFormPost } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { addStep, createFunnel, removeStep, setFunnelActive, updateFunnel, updateStep } from "@/lib/offers/funnel-admin";
import { keepOnlyVariant } from "@/lib/experiments/step-experiment";

const funnel = z.object({ id: formText });
const inFunnel = z.object({ funnelId: formText });
const step = z.object({ stepId: formText });

export const createFunnelAction = merchantFormAction("create funnel", z.unknown(), (_input, { values }) => createFunnel(values), (created) => redirect(`/merchant/funnels/${created.id}`));

export const updateFunnelAction = merchantFormAction("update funnel", funnel, ({ id }, { values }) => updateFunnel(id, values), () => "Funnel saved.");

export const addStepAction = merchantFormAction("add step", inFunnel, ({ funnelId }, { values }) => addStep(funnelId, values), () => "Step added.");

/** The one save of a funnel step: offers and experiment, paths, entry step. */
export const updateStepAction = merchantFormAction("update step", step, ({ stepId }, { values }) => updateStep(stepId, values), () => "Step saved.");

export const removeStepAction = merchantFormAction("remove step", step, ({ stepId }) => removeStep(stepId), () => "Step removed.");

export const setFunnelActiveAction = merchantFormPost("pause or resume funnel", funnel.extend({ active: formText }), ({ id, active }) => setFunnelActive(id, active === "true"));

/** Ends a step's experiment: the chosen variant becomes the only live one. */
export const keepOnlyVariantAction = merchantFormAction("keep only variant", step.extend({ variantId: formText }), ({ stepId, variantId }) => keepOnlyVariant(stepId, variantId), (r) => `Variant ${r.label} is now the only variant.`);
