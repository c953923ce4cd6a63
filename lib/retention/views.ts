import "server-only";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/plans/quote-view";
import { cancelTerms } from "./flow";
import { nextBillingAfterResume } from "./rules";
import { actionInFlight } from "./subscription-update";

// The plan page's "Pause or cancel" section for each subscription: what state it is in, what the
// customer can do, and what each choice does to billing and access, in words.

export type RetentionView = {
  subscriptionId: string;
  planName: string;
  state: "active" | "paused" | "cancelling" | "unavailable";
  /** An action sent to Dodo whose outcome we are confirming. */
  confirming: string | null;
  /** The last request did not go through (a refusal, or resolved as not applied), within a day. */
  problem: string | null;
  pauseTerms: string;
  cancelTerms: string;
  paused: { since: string; resumesOn: string | null; resumeNowTerms: string } | null;
  cancelling: { endsOn: string; terms: string } | null;
  billingInterval: string | null;
};

const WHAT: Record<string, string> = { PAUSE: "pause", RESUME: "resume", CANCEL: "cancellation", UNDO_CANCEL: "request to keep your subscription" };

export async function retentionViews(subscriptionIds: string[], now: Date = new Date()): Promise<Map<string, RetentionView>> {
  const subs = await db.subscription.findMany({ where: { id: { in: subscriptionIds } }, include: { product: true } });
  const out = new Map<string, RetentionView>();
  for (const sub of subs) {
    const plan = sub.product.name;
    const flying = await actionInFlight(db, sub.id, now);
    const latest = await db.subscriptionAction.findFirst({ where: { subscriptionId: sub.id }, orderBy: { createdAt: "desc" } });
    const recentFailure = latest && !flying && (latest.status === "NOT_APPLIED" || latest.status === "REFUSED") && now.getTime() - latest.updatedAt.getTime() < 24 * 3600_000;
    const pauseAction = sub.status === "PAUSED" ? await db.subscriptionAction.findFirst({ where: { subscriptionId: sub.id, kind: "PAUSE", status: "DONE" }, orderBy: { createdAt: "desc" } }) : null;
    const pausedAt = pauseAction?.createdAt ?? sub.updatedAt;
    const state: RetentionView["state"] =
      sub.status === "PAUSED" ? "paused" : sub.status === "ACTIVE" && sub.cancelAtNextBillingDate ? "cancelling" : sub.status === "ACTIVE" ? "active" : "unavailable";
    out.set(sub.id, {
      subscriptionId: sub.id,
      planName: plan,
      state,
      confirming: flying ? `We are confirming your ${WHAT[flying.kind]} with the payment provider. This page updates as soon as we know; you do not need to do anything.` : null,
      problem: recentFailure ? `Your ${WHAT[latest.kind]} did not go through${latest.status === "REFUSED" ? ": the payment provider refused it" : ""}. Nothing changed; you can try again.` : null,
      pauseTerms: `Pausing stops billing straight away and suspends your access to ${plan} until the subscription resumes. Resume any time; your next billing date then moves later by as long as you were paused, so you keep every day you already paid for.`,
      cancelTerms: cancelTerms(plan, sub.nextBillingDate),
      paused: state === "paused"
        ? {
            since: formatDate(pausedAt),
            resumesOn: pauseAction?.resumeAt ? formatDate(pauseAction.resumeAt) : null,
            resumeNowTerms: `Resume now and your access to ${plan} is back straight away; billing restarts with your next billing date on about ${formatDate(nextBillingAfterResume(sub.nextBillingDate, pausedAt, now))}.`,
          }
        : null,
      cancelling: state === "cancelling"
        ? { endsOn: formatDate(sub.nextBillingDate), terms: `You are not charged again and keep access to ${plan} until ${formatDate(sub.nextBillingDate)}; then it ends. Changed your mind? Keep your subscription any time before that date.` }
        : null,
      billingInterval: sub.product.billingInterval ? sub.product.billingInterval.toLowerCase() : null,
    });
  }
  return out;
}
