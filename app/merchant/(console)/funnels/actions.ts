"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { merchantFormAction, merchantFormPost } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { addStep, createFunnel, removeStep, setFunnelActive, updateFunnel, updateStep } from "@/lib/offers/funnel-admin";
import { keepOnlyVariant } from "@/lib/experiments/step-experiment";

const funnel = z.object({ id: formText });
const inFunnel = z.object({ funnelId: formText });
const step = z.object({ stepId: formText });

/** A save's answer, in the request's language. */
function said(what: "funnelSaved" | "stepAdded" | "stepSaved" | "stepRemoved") {
  return async () => {
    const t = await getTranslations();
    switch (what) {
      case "funnelSaved":
        return t("console.funnelPage.funnelSaved");
      case "stepAdded":
        return t("console.funnelPage.stepAdded");
      case "stepSaved":
        return t("console.funnelPage.stepSaved");
      case "stepRemoved":
        return t("console.funnelPage.stepRemoved");
    }
  };
}

export const createFunnelAction = merchantFormAction("create funnel", z.unknown(), (_input, { values }) => createFunnel(values), (created) => redirect(`/merchant/funnels/${created.id}`));

export const updateFunnelAction = merchantFormAction("update funnel", funnel, ({ id }, { values, locale }) => updateFunnel(id, values, { locale }), said("funnelSaved"));

export const addStepAction = merchantFormAction("add step", inFunnel, ({ funnelId }, { values, locale }) => addStep(funnelId, values, { locale }), said("stepAdded"));

/** The one save of a funnel step: offers and experiment, paths, entry step. */
export const updateStepAction = merchantFormAction("update step", step, ({ stepId }, { values, locale }) => updateStep(stepId, values, { locale }), said("stepSaved"));

export const removeStepAction = merchantFormAction("remove step", step, ({ stepId }, { locale }) => removeStep(stepId, { locale }), said("stepRemoved"));

export const setFunnelActiveAction = merchantFormPost("pause or resume funnel", funnel.extend({ active: formText }), ({ id, active }) => setFunnelActive(id, active === "true"));

/** Ends a step's experiment: the chosen variant becomes the only live one. */
export const keepOnlyVariantAction = merchantFormAction("keep only variant", step.extend({ variantId: formText }), ({ stepId, variantId }, { locale }) => keepOnlyVariant(stepId, variantId, { locale }), async (r) => {
  const t = await getTranslations();
  return t("console.funnelPage.onlyVariant", { label: r.label });
});
