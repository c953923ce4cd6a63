import "server-only";
import type DodoPayments from "dodopayments";
import { intervalLabel } from "@/lib/catalog/format";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/dates";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import type { PlanChange, Product, Subscription } from "@/lib/generated/prisma/client";
import { ENDED_SUBSCRIPTION_STATUSES } from "@/lib/sync/rules";
import { ladderPlanOf } from "./context";
import { creditExplanation, remainingCredit, renewalsSince, type CreditEvent } from "./credit";
import { byRank, classifyMove, priceDifferenceLabel, recurringLabel, type Direction, type LadderPlan } from "./ladder";
import { storedQuote } from "./locked-quote";
import { changeInFlight, NOT_APPLIED, type InFlightChange } from "./plan-change";
import { refreshFromDodo } from "./refresh";
import { termsFor } from "./terms";
import { mostPopularUpgrade } from "./popular";
import { valueChange } from "./value";

export type PlanOptionView = {
  productId: string;
  name: string;
  price: string;
  difference: string;
  direction: Direction;
  /** What the button does: monthly ↔ yearly is a switch of billing, whatever the tier. */
  verb: "switch" | "upgrade" | "downgrade";
  actionLabel: string;
  note: string | null;
  unavailable: string | null;
  highlighted: boolean;
  /** What the move adds and removes, from what the merchant lists each plan as including. */
  gains: string[];
  losses: string[];
  /** The merchant's badge for the plan, or the earned "Most popular upgrade". */
  badge: string | null;
};

export type Notice = { tone: "error" | "warning" | "info"; text: string; fixCard: boolean };

export type SubscriptionPlanView = {
  subscriptionId: string;
  current: { productId: string; name: string; price: string; status: string; nextBilling: string };
  options: PlanOptionView[];
  scheduled: { toName: string; on: string } | null;
  /** A change sent to Dodo whose outcome is on its way. */
  processing: { toName: string } | null;
  /** A change Dodo never answered for: we are finding out whether it happened. */
  confirming: { toName: string } | null;
  /** The change's charge waits on the customer's bank (3-D Secure): Dodo's page for it, when it gave one. */
  authenticate: { toName: string; url: string | null } | null;
  notice: Notice | null;
  credit: string | null;
  /** Why no option can be chosen right now, or null. */
  locked: string | null;
};

type SubscriptionRow = Subscription & { product: Product };

function creditLine(sub: SubscriptionRow, changes: PlanChange[], locale: Locale): string | null {
  // Immediate changes only: Dodo's own clock (the preview's effective_at) dates each credit movement.
  const events: CreditEvent[] = changes
    .filter((c) => c.status === "APPLIED" && c.quotedCredits !== 0)
    .map((c) => {
      const quote = storedQuote(c.quote);
      return { at: new Date(quote.effectiveAt), credits: c.quotedCredits, recurringAfter: quote.newPlan.recurringAmount };
    });
  if (events.length === 0 || !sub.product.billingInterval) return null;
  const first = events.reduce((a, b) => (a.at < b.at ? a : b)).at;
  const renewals = renewalsSince(first, sub.previousBillingDate, { interval: sub.product.billingInterval, intervalCount: sub.product.billingIntervalCount ?? 1 });
  return creditExplanation(remainingCredit(events, renewals, sub.recurringAmount), sub.recurringAmount, sub.currency, locale);
}

function noticeFor(sub: SubscriptionRow, latest: PlanChange | undefined, names: Map<string, string>, now: Date, t: Translator): Notice | null {
  if (sub.status === "ON_HOLD" || sub.status === "PAST_DUE") {
    const text = latest?.status === "APPLIED" && latest.errorCode
      ? t("plans.notice.onHoldAfterChange", { plan: names.get(latest.toProductId) ?? "" })
      : t("plans.notice.onHold");
    return { tone: "warning", fixCard: true, text };
  }
  const recent = latest && now.getTime() - latest.updatedAt.getTime() < 24 * 3600_000;
  if (recent && latest.status === "FAILED" && latest.errorCode === NOT_APPLIED) {
    return { tone: "warning", fixCard: false, text: t("plans.notice.notApplied", { plan: names.get(latest.toProductId) ?? "", current: sub.product.name }) };
  }
  if (recent && latest.status === "FAILED") {
    // Never repeat stolen/lost/fraud reasons to the customer (Dodo's docs): every decline reads the same.
    const declined = Boolean(latest.errorCode && /DECLINE|CARD|FUNDS|HONOR|STOLEN|LOST|PICKUP|FRAUD|EXPIRED/i.test(latest.errorCode));
    const args = { plan: names.get(latest.toProductId) ?? "", current: sub.product.name };
    return { tone: "error", fixCard: declined, text: declined ? t("plans.notice.declined", args) : t("plans.notice.refused", args) };
  }
  return null;
}

type PlanExtras = { features: Map<string, string[]>; badges: Map<string, string | null>; popular: string | null };

function optionFor(sub: SubscriptionRow, from: LadderPlan, to: LadderPlan, policy: Parameters<typeof termsFor>[0], highlight: string | undefined, extras: PlanExtras, locale: Locale): PlanOptionView {
  const t = translator(locale);
  const move = classifyMove(from, to)!;
  const terms = termsFor(policy, move);
  const billed = intervalLabel(to.interval, to.intervalCount, locale);
  const note =
    move.intervalChange === "longer" ? t("plans.option.longerInterval", { interval: billed })
    : move.intervalChange === "shorter" ? t("plans.option.shorterInterval", { interval: billed })
    : null;
  return {
    productId: to.productId,
    name: to.name,
    price: recurringLabel(to, locale),
    difference: priceDifferenceLabel(from, to, locale),
    direction: move.direction,
    verb: move.intervalChange !== "none" ? "switch" : move.direction,
    // Monthly ↔ yearly is a switch of billing, whatever the tier: "Downgrade" would mislead.
    actionLabel: move.intervalChange !== "none" ? t("plans.option.switch") : move.direction === "upgrade" ? t("plans.option.upgrade") : t("plans.option.downgrade"),
    note,
    unavailable: terms.ok ? null : t("plans.option.intervalChangeNotAllowed"),
    highlighted: highlight === to.productId,
    ...valueChange(extras.features.get(from.productId) ?? [], extras.features.get(to.productId) ?? []),
    badge: extras.badges.get(to.productId) ?? (move.direction === "upgrade" && extras.popular === to.productId ? t("plans.option.popularBadge") : null),
  };
}

function statusLabel(status: SubscriptionRow["status"], t: Translator): string {
  switch (status) {
    case "ACTIVE":
      return t("plans.status.active");
    case "ON_HOLD":
      return t("plans.status.onHold");
    case "PAST_DUE":
      return t("plans.status.pastDue");
    case "PAUSED":
      return t("plans.status.paused");
    case "CANCELLED":
      return t("plans.status.cancelled");
    case "EXPIRED":
      return t("plans.status.expired");
    case "FAILED":
      return t("plans.status.failed");
    case "PENDING":
      return t("plans.status.pending");
  }
}

/** `flying` is the subscription's change in flight as changeInFlight() judged it for this `sub`. */
async function viewOf(sub: SubscriptionRow, flying: InFlightChange | null, opts: { highlight?: string; now: Date; locale: Locale }): Promise<SubscriptionPlanView | null> {
  const { locale } = opts;
  const t = translator(locale);
  const from = ladderPlanOf(sub.product);
  const ladder = sub.product.ladderId ? await db.planLadder.findUnique({ where: { id: sub.product.ladderId }, include: { products: true } }) : null;
  if (!from || !ladder) return null;
  const plans = byRank(ladder.products.filter((p) => !p.archived && p.currency === sub.currency).map(ladderPlanOf).filter((p): p is LadderPlan => p !== null));
  const names = new Map(ladder.products.map((p) => [p.id, p.name]));
  const extras: PlanExtras = {
    features: new Map(ladder.products.map((p) => [p.id, p.features])),
    badges: new Map(ladder.products.map((p) => [p.id, p.badge])),
    popular: await mostPopularUpgrade(ladder.id, opts.now),
  };
  const changes = await db.planChange.findMany({ where: { subscriptionId: sub.id, status: { notIn: ["QUOTED", "CANCELLED"] } }, orderBy: { createdAt: "desc" }, take: 50 });
  const latest = changes[0];
  const scheduledChange = sub.scheduledChange as { productId?: string; effectiveAt?: string } | null;
  const scheduled = scheduledChange?.productId && scheduledChange.effectiveAt
    ? { toName: names.get(scheduledChange.productId) ?? t("plans.anotherPlan"), on: formatDate(scheduledChange.effectiveAt, locale) }
    : null;
  const target = flying ? { toName: names.get(flying.toProductId) ?? t("plans.yourNewPlan") } : null;
  const confirming = flying?.status === "UNKNOWN" ? target : null;
  const charge = flying?.charge ?? null;
  const authenticate = target && !confirming && charge?.status === "REQUIRES_ACTION" ? { ...target, url: charge.paymentLink } : null;
  const processing = confirming || authenticate ? null : target;
  const locked =
    sub.status !== "ACTIVE" ? t("plans.locked.notActive")
    : authenticate ? t("plans.locked.authenticate")
    : processing ? t("plans.locked.processing")
    : confirming ? t("plans.locked.confirming")
    : scheduled ? t("plans.locked.scheduled", { plan: scheduled.toName })
    : null;
  return {
    subscriptionId: sub.id,
    current: { productId: sub.product.id, name: sub.product.name, price: recurringLabel(from, locale), status: statusLabel(sub.status, t), nextBilling: formatDate(sub.nextBillingDate, locale) },
    options: plans.filter((p) => p.productId !== from.productId).map((to) => optionFor(sub, from, to, ladder, opts.highlight, extras, locale)),
    scheduled,
    processing,
    confirming,
    authenticate,
    notice: noticeFor(sub, latest, names, opts.now, t),
    credit: creditLine(sub, changes, locale),
    locked,
  };
}

/**
 * The views of a signed-in customer's plans (the plan page): one entry per subscription whose plan is in a ladder.
 * A change still processing is synced from Dodo first, so a reload shows the outcome even
 * before the webhook arrives.
 */
export async function planViews(customerId: string, opts: { highlight?: string; client?: DodoPayments; now?: Date; locale?: Locale } = {}): Promise<SubscriptionPlanView[]> {
  const now = opts.now ?? new Date();
  const load = () => db.subscription.findMany({ where: { customerId, status: { notIn: ENDED_SUBSCRIPTION_STATUSES }, product: { ladderId: { not: null } } }, include: { product: true }, orderBy: { dodoCreatedAt: "asc" } });
  // Judged by the subscription the page will show (`shown`): see changeInFlight.
  const inFlight = (subs: SubscriptionRow[]) => Promise.all(subs.map((sub) => changeInFlight(db, sub.id, now, { shown: sub })));
  let subs = await load();
  let flying = await inFlight(subs);
  if (flying.some(Boolean)) {
    // Still with Dodo: pull their outcomes now rather than wait for the webhooks, then read again.
    for (const [i, change] of flying.entries()) if (change) await refreshFromDodo({ subscriptionId: subs[i]!.id, paymentId: change.dodoPaymentId }, opts.client);
    subs = await load();
    flying = await inFlight(subs);
  }
  const views = await Promise.all(subs.map((sub, i) => viewOf(sub, flying[i] ?? null, { highlight: opts.highlight, now, locale: opts.locale ?? DEFAULT_LOCALE })));
  return views.filter((v): v is SubscriptionPlanView => v !== null);
}
