"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { customerAction } from "@/lib/actions/define";
import { requestLocale } from "@/lib/i18n/request";
import { acceptPauseOffer, cancelAnyway, confirmSavePlan, keepSubscription, offerStep, pause, previewSavePlan, resume, startCancel, undoCancel } from "@/lib/retention/flow";
import { pauseCyclesSchema, reasonSchema } from "@/lib/retention/reasons";
import type { CancelFlowState, RetentionButtonState } from "./_components/cancel-flow-state";

const id = z.string().min(1).max(64);
const subscription = z.object({ subscriptionId: id });
const attempt = z.object({ attemptId: id });

const flowInput = z.discriminatedUnion("intent", [
  reasonSchema.extend({ intent: z.literal("start"), subscriptionId: id }),
  // "Cancel now" from the reason step: the reason is recorded and the cancellation sent, no offer shown.
  reasonSchema.extend({ intent: z.literal("cancel_now"), subscriptionId: id }),
  attempt.extend({ intent: z.literal("cancel") }),
  attempt.extend({ intent: z.literal("keep") }),
  attempt.extend({ intent: z.literal("accept") }),
  attempt.extend({ intent: z.literal("confirm"), token: z.string().min(1).max(2000) }),
  attempt.extend({ intent: z.literal("dismiss") }),
]);

/** Why an action could not run, in the request's language: signed out, unreadable input, or our own failure. */
async function failureMessage(code: string, invalidInput: "cancel" | "pause"): Promise<string> {
  const t = await getTranslations();
  if (code === "signed_out") return t("errors.signedOut");
  if (code === "invalid_input") return invalidInput === "pause" ? t("retention.failure.choosePause") : t("retention.failure.checkReason");
  return t("retention.failure.unexpected");
}

/** The cancel flow: reason → save offer (or none) → saved, kept or cancelled. */
export const cancelFlowAction = customerAction(flowInput, {
  name: "cancel flow",
  onFailure: async (failure): Promise<CancelFlowState> => ({ kind: "error", message: await failureMessage(failure.code, "cancel") }),
  run: async (input, { customer }): Promise<CancelFlowState> => {
    const customerId = customer.id;
    const deps = { locale: await requestLocale() };
    const offerAgain = async (message: string | null): Promise<CancelFlowState> => {
      const step = "attemptId" in input ? await offerStep({ customerId, attemptId: input.attemptId }, deps) : null;
      if (!step?.ok) return { kind: "error", message: message ?? step?.message ?? (await failureMessage("unexpected", "cancel")) };
      return { kind: "offer", attemptId: step.attemptId, offer: step.offer, cancelTerms: step.cancelTerms, error: message };
    };
    const done = (result: { ok: true; message: string; confirming: boolean }): CancelFlowState => {
      revalidatePath("/account/plan");
      return { kind: "done", message: result.message, confirming: result.confirming };
    };
    switch (input.intent) {
      case "start":
      case "cancel_now": {
        const started = await startCancel({ customerId, subscriptionId: input.subscriptionId, reason: input.reason, comment: input.comment }, deps);
        if (!started.ok) return { kind: "error", message: started.message };
        if (input.intent === "start") return { kind: "offer", attemptId: started.attemptId, offer: started.offer, cancelTerms: started.cancelTerms, error: null };
        const cancelled = await cancelAnyway({ customerId, attemptId: started.attemptId }, deps);
        return cancelled.ok ? done(cancelled) : { kind: "error", message: cancelled.message };
      }
      case "cancel": {
        const result = await cancelAnyway({ customerId, attemptId: input.attemptId }, deps);
        return result.ok ? done(result) : offerAgain(result.message);
      }
      case "keep": {
        const result = await keepSubscription({ customerId, attemptId: input.attemptId }, deps);
        return result.ok ? done(result) : { kind: "error", message: result.message };
      }
      case "accept": {
        const pauseResult = await acceptPauseOffer({ customerId, attemptId: input.attemptId }, deps);
        if (pauseResult.ok) return done(pauseResult);
        if (pauseResult.code !== "not_found") return offerAgain(pauseResult.message);
        const preview = await previewSavePlan({ customerId, attemptId: input.attemptId }, deps);
        if (!preview.ok) return offerAgain(preview.message);
        return { kind: "quote", attemptId: input.attemptId, quote: preview.quote, notice: null };
      }
      case "confirm": {
        const result = await confirmSavePlan({ customerId, attemptId: input.attemptId, token: input.token }, deps);
        if (result.ok) return done(result);
        if (result.code === "quote_changed" && "quote" in result) return { kind: "quote", attemptId: input.attemptId, quote: result.quote, notice: result.message };
        return offerAgain(result.message);
      }
      case "dismiss":
        return offerAgain(null);
    }
  },
});

const buttonFailure = async (failure: { code: string }): Promise<RetentionButtonState> => ({ ok: false, message: await failureMessage(failure.code, "pause") });

async function answer(result: { ok: true; message: string; confirming: boolean } | { ok: false; message: string }): Promise<RetentionButtonState> {
  revalidatePath("/account/plan");
  return result.ok ? { ok: true, message: result.message, confirming: result.confirming } : { ok: false, message: result.message };
}

/** Pause from the plan page: for a number of billing cycles, or until resumed ("" = open-ended). */
export const pauseAction = customerAction(subscription.extend({ cycles: z.preprocess((v) => (v === "" || v === "open" ? null : v), pauseCyclesSchema.nullable()) }), {
  name: "pause subscription",
  onFailure: buttonFailure,
  run: async ({ subscriptionId, cycles }, { customer }) => answer(await pause({ customerId: customer.id, subscriptionId, cycles }, { locale: await requestLocale() })),
});

export const resumeAction = customerAction(subscription, {
  name: "resume subscription",
  onFailure: buttonFailure,
  run: async ({ subscriptionId }, { customer }) => answer(await resume({ customerId: customer.id, subscriptionId }, { locale: await requestLocale() })),
});

export const undoCancelAction = customerAction(subscription, {
  name: "keep subscription",
  onFailure: buttonFailure,
  run: async ({ subscriptionId }, { customer }) => answer(await undoCancel({ customerId: customer.id, subscriptionId }, { locale: await requestLocale() })),
});
