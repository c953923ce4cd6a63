import "server-only";
import { resolveChargeJobKey } from "@/lib/checkout/charge-attempt";
import { db } from "@/lib/db/client";
import { jobsByKey, type JobStatus } from "@/lib/jobs/status";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, money, type Money } from "@/lib/money/money";
import { resolvePlanChangeJobKey } from "@/lib/plans/plan-change";
import { retryWebhookJobKey } from "@/lib/webhooks/process";

// The console's "Needs attention": money states that are not settled yet, and what the worker is
// doing about each. Nothing here acts; the worker's jobs do (their attempts, last result and next
// run come from the queue itself), and a merchant can replay a failed event from the events page.

/** Longer than this without an outcome is worth a look, whatever the worker says. */
const OVERDUE_MS = 30 * 60_000;
/** Rows listed per kind and state; the rest wait for those to settle. */
const LIMIT = 100;

export type WorkerNote = { job: JobStatus | null };

export type UnknownCharge = WorkerNote & {
  id: string;
  since: Date;
  amount: Money;
  amountLabel: string;
  customerEmail: string;
  offerName: string | null;
  status: "UNKNOWN" | "PENDING" | "SUBMITTED";
  /** What the charge is waiting on, in a few words. */
  waitingOn: string;
  overdue: boolean;
};

export type PlanChangeInFlight = WorkerNote & {
  id: string;
  since: Date;
  subscriptionId: string;
  customerEmail: string;
  fromName: string;
  toName: string;
  status: "UNKNOWN" | "SUBMITTED";
  waitingOn: string;
  overdue: boolean;
};

export type FailedEvent = WorkerNote & { id: string; type: string; since: Date; error: string | null; deliveries: number };

export type AttentionReport = { charges: UnknownCharge[]; planChanges: PlanChangeInFlight[]; events: FailedEvent[]; generatedAt: Date };

/** What waits, worded in `locale` (the console's language). */
export async function needsAttention(now = new Date(), { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<AttentionReport> {
  const t = translator(locale);
  // Unknown outcomes first (oldest first), then the ones merely waiting on Dodo or the bank.
  const attemptsIn = (status: ("UNKNOWN" | "PENDING" | "SUBMITTED")[]) => db.chargeAttempt.findMany({
    where: { status: { in: status } },
    orderBy: { createdAt: "asc" },
    take: LIMIT,
    include: { impression: { select: { customer: { select: { email: true } }, offer: { select: { name: true } } } } },
  });
  const changesIn = (status: "UNKNOWN" | "SUBMITTED") => db.planChange.findMany({
    where: { status },
    orderBy: { submittedAt: "asc" },
    take: LIMIT,
    include: { subscription: { select: { customer: { select: { email: true } } } } },
  });
  const [unknownAttempts, openAttempts, unknownChanges, openChanges, events] = await Promise.all([
    attemptsIn(["UNKNOWN", "PENDING"]),
    attemptsIn(["SUBMITTED"]),
    changesIn("UNKNOWN"),
    changesIn("SUBMITTED"),
    db.webhookEvent.findMany({ where: { outcome: "FAILED" }, orderBy: { receivedAt: "asc" }, take: LIMIT, select: { id: true, type: true, receivedAt: true, error: true, attempts: true } }),
  ]);
  const attempts = [...unknownAttempts, ...openAttempts];
  const changes = [...unknownChanges, ...openChanges];
  const paymentIds = attempts.flatMap((a) => (a.dodoPaymentId ? [a.dodoPaymentId] : []));
  const productIds = [...new Set(changes.flatMap((c) => [c.fromProductId, c.toProductId]))];
  const [payments, products, jobs] = await Promise.all([
    db.payment.findMany({ where: { id: { in: paymentIds } }, select: { id: true, status: true } }),
    db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, name: true } }),
    jobsByKey([
      ...attempts.map((a) => resolveChargeJobKey(a.id)),
      ...changes.map((c) => resolvePlanChangeJobKey(c.id)),
      ...events.map((e) => retryWebhookJobKey(e.id)),
    ]),
  ]);
  const paymentStatus = new Map(payments.map((p) => [p.id, p.status]));
  const names = new Map(products.map((p) => [p.id, p.name]));
  const overdue = (since: Date) => now.getTime() - since.getTime() > OVERDUE_MS;

  const charges = attempts.map((a): UnknownCharge => {
    const payment = a.dodoPaymentId ? paymentStatus.get(a.dodoPaymentId) : undefined;
    const waitingOn =
      a.status === "UNKNOWN" ? t("console.attention.waitChargeUnknown")
      : a.status === "PENDING" ? t("console.attention.waitChargePending")
      : payment === "REQUIRES_ACTION" ? t("console.attention.waitChargeBank")
      : t("console.attention.waitChargeOutcome");
    const amount = money(a.amount, a.currency);
    return {
      id: a.id,
      since: a.createdAt,
      amount,
      amountLabel: formatMoney(amount, locale),
      customerEmail: a.impression.customer.email,
      offerName: a.impression.offer?.name ?? null,
      status: a.status as UnknownCharge["status"],
      waitingOn,
      overdue: overdue(a.createdAt),
      job: jobs.get(resolveChargeJobKey(a.id)) ?? null,
    };
  });
  const planChanges = changes.map((c): PlanChangeInFlight => {
    const since = c.submittedAt ?? c.updatedAt;
    return {
      id: c.id,
      since,
      subscriptionId: c.subscriptionId,
      customerEmail: c.subscription.customer.email,
      fromName: names.get(c.fromProductId) ?? c.fromProductId,
      toName: names.get(c.toProductId) ?? c.toProductId,
      status: c.status as PlanChangeInFlight["status"],
      waitingOn: c.status === "UNKNOWN" ? t("console.attention.waitChangeUnknown") : t("console.attention.waitChangeOutcome"),
      overdue: overdue(since),
      job: jobs.get(resolvePlanChangeJobKey(c.id)) ?? null,
    };
  });
  const failed = events.map((e): FailedEvent => ({ id: e.id, type: e.type, since: e.receivedAt, error: e.error, deliveries: e.attempts, job: jobs.get(retryWebhookJobKey(e.id)) ?? null }));
  return { charges, planChanges, events: failed, generatedAt: now };
}

/** "3 min", "2 h 5 min", "4 d": how long something has been waiting, in `locale`. */
export function ageLabel(since: Date, now: Date, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 1) return t("console.attention.ageUnderMinute");
  if (minutes < 60) return t("console.attention.ageMinutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("console.attention.ageHours", { hours, minutes: minutes % 60 });
  return t("console.attention.ageDays", { days: Math.floor(hours / 24) });
}
