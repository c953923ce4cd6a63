"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { customerAction } from "@/lib/actions/define";
import { loadEnv } from "@/lib/env";
import { requestLocale } from "@/lib/i18n/request";
import { cardUpdateLink } from "@/lib/plans/card";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { keepCurrentPlan } from "@/lib/plans/scheduled";
import { openUpgradeImpression } from "@/lib/plans/upgrade-offer";
import type { FlowState, SimpleState } from "./_components/flow-state";

const id = z.string().min(1).max(64);
const flowInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), subscriptionId: id, productId: id, origin: z.enum(["PLAN_PAGE", "UPGRADE_OFFER"]).optional(), impressionId: id.optional() }),
  z.object({ intent: z.literal("confirm"), token: z.string().min(1).max(2000) }),
  z.object({ intent: z.literal("dismiss") }),
]);
const subscription = z.object({ subscriptionId: id });

/** Preview → (locked quote) → confirm, for one subscription. */
export const planFlowAction = customerAction(flowInput, {
  name: "plan change",
  onFailure: async (failure, { input }): Promise<FlowState> => {
    const t = await getTranslations();
    if (failure.code === "invalid_input") return { kind: "error", code: "invalid_input", message: t("plans.page.choosePlan") };
    if (input?.intent === "dismiss") return { kind: "idle" };
    if (failure.code === "signed_out") return { kind: "error", code: "signed_out", message: t("errors.signedOut") };
    return { kind: "error", code: "unavailable", message: t("plans.page.unexpected") };
  },
  run: async (input, { customer }): Promise<FlowState> => {
    if (input.intent === "dismiss") return { kind: "idle" };
    const locale = await requestLocale();
    if (input.intent === "preview") {
      // An offer impression is linked only when it is this customer's open UPGRADE offer of that plan.
      const impressionId = input.impressionId ? await openUpgradeImpression(customer.id, input.impressionId, input.productId) : null;
      const result = await previewPlanChange({ customerId: customer.id, subscriptionId: input.subscriptionId, productId: input.productId, origin: input.origin, impressionId: impressionId ?? undefined }, { locale });
      return result.ok ? { kind: "quote", quote: result.quote, notice: null } : { kind: "error", code: result.code, message: result.message };
    }
    const result = await confirmPlanChange({ customerId: customer.id, token: input.token }, { locale });
    revalidatePath("/account/plan");
    if (result.ok) {
      if (result.status === "UNKNOWN") return { kind: "confirming", message: result.message, toProductId: result.toProductId };
      const status = result.status === "APPLIED" || result.status === "SCHEDULED" ? result.status : "SUBMITTED";
      return { kind: "done", message: result.message, status, toProductId: result.toProductId };
    }
    if (result.code === "quote_changed" && result.quote) return { kind: "quote", quote: result.quote, notice: result.message };
    return { kind: "error", code: result.code, message: result.message };
  },
});

const simpleFailure = async (failure: { code: string; message: string }): Promise<SimpleState> => {
  const t = await getTranslations();
  return { ok: false, message: failure.code === "unexpected" ? t("errors.unexpected") : t("errors.signedOut") };
};

/** "Keep my current plan": cancels the scheduled downgrade. */
export const keepPlanAction = customerAction(subscription, {
  name: "keep current plan",
  onFailure: simpleFailure,
  run: async ({ subscriptionId }, { customer }): Promise<SimpleState> => {
    const result = await keepCurrentPlan({ customerId: customer.id, subscriptionId }, { locale: await requestLocale() });
    revalidatePath("/account/plan");
    // The scheduled change (and this button with it) is gone from the page: the page says so.
    // Unless Dodo did not answer: then whether it is gone is being checked, and this says so.
    if (result.ok && !result.confirming) redirect(`/account/plan?kept=${encodeURIComponent(subscriptionId)}`);
    return { ok: result.ok, message: result.message, ...(result.ok && result.confirming ? { confirming: true } : {}) };
  },
});

/** "Update your card": off to Dodo's hosted page, back to the plan page. */
export const fixCardAction = customerAction(subscription, {
  name: "update card",
  onFailure: simpleFailure,
  run: async ({ subscriptionId }, { customer }): Promise<SimpleState> => {
    const result = await cardUpdateLink({ customerId: customer.id, subscriptionId, returnUrl: `${loadEnv().APP_URL}/account/plan` }, { locale: await requestLocale() });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(result.url);
  },
});
