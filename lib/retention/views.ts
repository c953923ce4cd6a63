import "server-only";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/dates";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import type { SubscriptionActionKind } from "@/lib/generated/prisma/enums";
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
  billingInterval: "DAY" | "WEEK" | "MONTH" | "YEAR" | null;
};

function confirmingText(kind: SubscriptionActionKind, t: Translator): string {
  switch (kind) {
    case "PAUSE":
      return t("retention.confirming.pause");
    case "RESUME":
      return t("retention.confirming.resume");
    case "CANCEL":
      return t("retention.confirming.cancel");
    case "UNDO_CANCEL":
      return t("retention.confirming.undoCancel");
  }
}

function problemText(kind: SubscriptionActionKind, refused: boolean, t: Translator): string {
  switch (kind) {
    case "PAUSE":
      return t("retention.problem.pause", { refused: String(refused) });
    case "RESUME":
      return t("retention.problem.resume", { refused: String(refused) });
    case "CANCEL":
      return t("retention.problem.cancel", { refused: String(refused) });
    case "UNDO_CANCEL":
      return t("retention.problem.undoCancel", { refused: String(refused) });
  }
}

export async function retentionViews(subscriptionIds: string[], now: Date = new Date(), locale: Locale = DEFAULT_LOCALE): Promise<Map<string, RetentionView>> {
  const t = translator(locale);
  const date = (d: Date) => formatDate(d, locale);
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
      confirming: flying ? confirmingText(flying.kind, t) : null,
      problem: recentFailure ? problemText(latest.kind, latest.status === "REFUSED", t) : null,
      pauseTerms: t("retention.pauseTerms", { plan }),
      cancelTerms: cancelTerms(plan, sub.nextBillingDate, locale),
      paused: state === "paused"
        ? {
            since: date(pausedAt),
            resumesOn: pauseAction?.resumeAt ? date(pauseAction.resumeAt) : null,
            resumeNowTerms: t("retention.resumeNowTerms", { plan, date: date(nextBillingAfterResume(sub.nextBillingDate, pausedAt, now)) }),
          }
        : null,
      cancelling: state === "cancelling"
        ? { endsOn: date(sub.nextBillingDate), terms: t("retention.cancellingTerms", { plan, date: date(sub.nextBillingDate) }) }
        : null,
      billingInterval: sub.product.billingInterval,
    });
  }
  return out;
}
