"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FlowState, SimpleState } from "@/components/plans/flow-state";
import { currentCustomer } from "@/lib/auth/customer-session";
import { loadEnv } from "@/lib/env";
import { cardUpdateLink } from "@/lib/plans/card";
import { confirmPlanChange, previewPlanChange } from "@/lib/plans/quote";
import { keepCurrentPlan } from "@/lib/plans/scheduled";

const id = z.string().min(1).max(64);
const flowInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), subscriptionId: id, productId: id }),
  z.object({ intent: z.literal("confirm"), token: z.string().min(1).max(2000) }),
  z.object({ intent: z.literal("dismiss") }),
]);

const SIGNED_OUT = { kind: "error", code: "signed_out", message: "Your session has ended. Please sign in again." } as const;
const BROKEN = { kind: "error", code: "unavailable", message: "Something went wrong on our side. Nothing was charged; please reload the page." } as const;

/** Preview → (locked quote) → confirm, for one subscription. */
export async function planFlowAction(_previous: FlowState, form: FormData): Promise<FlowState> {
  const parsed = flowInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { kind: "error", code: "invalid_input", message: "Please choose a plan." };
  if (parsed.data.intent === "dismiss") return { kind: "idle" };
  const customer = await currentCustomer();
  if (!customer) return SIGNED_OUT;
  try {
    if (parsed.data.intent === "preview") {
      const result = await previewPlanChange({ customerId: customer.id, subscriptionId: parsed.data.subscriptionId, productId: parsed.data.productId });
      return result.ok ? { kind: "quote", quote: result.quote, notice: null } : { kind: "error", code: result.code, message: result.message };
    }
    const result = await confirmPlanChange({ customerId: customer.id, token: parsed.data.token });
    revalidatePath("/account/plan");
    if (result.ok) return { kind: result.status === "UNKNOWN" ? "confirming" : "done", message: result.message };
    if (result.code === "quote_changed" && result.quote) return { kind: "quote", quote: result.quote, notice: result.message };
    return { kind: "error", code: result.code, message: result.message };
  } catch (err) {
    console.error("[plans] action failed", err);
    return BROKEN;
  }
}

/** "Keep my current plan": cancels the scheduled downgrade. */
export async function keepPlanAction(_previous: SimpleState, form: FormData): Promise<SimpleState> {
  const subscriptionId = id.safeParse(form.get("subscriptionId"));
  const customer = await currentCustomer();
  if (!subscriptionId.success || !customer) return { ok: false, message: SIGNED_OUT.message };
  const result = await keepCurrentPlan({ customerId: customer.id, subscriptionId: subscriptionId.data });
  revalidatePath("/account/plan");
  return { ok: result.ok, message: result.message };
}

/** "Update your card": off to Dodo's hosted page, back to the plan page. */
export async function fixCardAction(_previous: SimpleState, form: FormData): Promise<SimpleState> {
  const subscriptionId = id.safeParse(form.get("subscriptionId"));
  const customer = await currentCustomer();
  if (!subscriptionId.success || !customer) return { ok: false, message: SIGNED_OUT.message };
  const result = await cardUpdateLink({ customerId: customer.id, subscriptionId: subscriptionId.data, returnUrl: `${loadEnv().APP_URL}/account/plan` });
  if (!result.ok) return { ok: false, message: result.message };
  redirect(result.url);
}
