import "server-only";
import { db } from "@/lib/db/client";
import type { WebhookOutcome } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, ok, type Result } from "@/lib/result";
import { processWebhookEvent, type ProcessOptions, type ProcessResult } from "./process";
import type { DodoEnvelope } from "./types";

export type WebhookEventSummary = {
  id: string;
  type: string;
  outcome: WebhookOutcome;
  error: string | null;
  attempts: number;
  eventTimestamp: Date;
  receivedAt: Date;
  processedAt: Date | null;
};

/**
 * Events that need the merchant's attention: FAILED ones (Dodo keeps redelivering them until one
 * is applied) and REJECTED ones (signed by Dodo but unusable; acknowledged so Dodo stops).
 */
export const NEEDS_ATTENTION: WebhookOutcome[] = ["FAILED", "REJECTED"];

/** The merchant's event log, newest first; pass the returned cursor to get the next page. */
export async function listWebhookEvents(query: { outcome?: WebhookOutcome | WebhookOutcome[]; limit: number; cursor?: string }): Promise<{
  items: WebhookEventSummary[];
  nextCursor: string | null;
}> {
  const limit = Math.min(Math.max(query.limit, 1), 200);
  const rows = await db.webhookEvent.findMany({
    where: query.outcome ? { outcome: { in: [query.outcome].flat() } } : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: { id: true, type: true, outcome: true, error: true, attempts: true, eventTimestamp: true, receivedAt: true, processedAt: true },
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Re-runs a stored event's payload (no signature check: it was verified when received). Safe on
 * any event, failed or not, because applying an object state is convergent.
 */
export async function replayWebhookEvent(id: string, options: Omit<ProcessOptions, "force"> = {}): Promise<ProcessResult> {
  const row = await db.webhookEvent.findUnique({ where: { id } });
  if (!row) throw new Error(`no webhook event ${id}`);
  const envelope = row.payload as unknown as DodoEnvelope;
  return processWebhookEvent(
    { webhookId: row.id, type: row.type, occurredAt: row.eventTimestamp, envelope },
    { ...options, force: true },
  );
}

/** The console's event log: events that need attention first, then the newest of any other outcome. */
export async function eventLog(cursor?: string) {
  const [failed, all] = await Promise.all([listWebhookEvents({ outcome: NEEDS_ATTENTION, limit: 50 }), listWebhookEvents({ limit: 50, cursor })]);
  return { failed: failed.items, events: all.items.filter((e) => !NEEDS_ATTENTION.includes(e.outcome)), nextCursor: all.nextCursor };
}

/** The merchant's "Replay" button: re-applies a stored event and says how it went, in `locale`. */
export async function replayEvent(id: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ message: string }>> {
  const t = translator(locale);
  if (!id) return fail("invalid_input", t("console.events.chooseEvent"));
  if (!(await db.webhookEvent.findUnique({ where: { id }, select: { id: true } }))) return fail("not_found", t("console.events.noSuchEvent"));
  const result = await replayWebhookEvent(id);
  if (result.outcome === "FAILED") return fail("replay_failed", t("console.events.failedAgain", { error: result.error ?? "" }));
  if (result.outcome === "REJECTED") return fail("replay_rejected", t("console.events.stillUnusable", { error: result.error ?? "" }));
  return ok({ message: result.outcome === "IGNORED" ? t("console.events.replayedIgnored") : t("console.events.replayed") });
}
