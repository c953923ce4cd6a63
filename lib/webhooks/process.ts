import "server-only";
import type DodoPayments from "dodopayments";
import { db, Prisma } from "@/lib/db/client";
import { lockSql } from "@/lib/db/lock";
import { loadEnv } from "@/lib/env";
import type { WebhookOutcome } from "@/lib/generated/prisma/enums";
import { findInputProblem } from "@/lib/http/unusable-input";
import { lockedObjectOf } from "@/lib/sync/object-lock";
import { isMomentEvent, recordMomentFromDodo } from "@/lib/moments/from-dodo";
import { applyObject, objectStateOf } from "@/lib/sync/objects";
import { InvalidPayloadError } from "@/lib/sync/payload-shapes";
import { prepareObject } from "@/lib/sync/sync";
import { inTransaction, type Tx } from "@/lib/db/tx";
import { enqueue } from "@/lib/jobs/queue";
import type { VerifiedEvent } from "./types";

export type ProcessOptions = {
  /** Dodo client for fetches made while processing (default: the app's client). */
  dodo?: DodoPayments;
  /** Wall clock for access rules (default: now). */
  now?: () => Date;
  graceHours?: number;
  /** Re-run an event even if it was already processed (merchant replay). */
  force?: boolean;
  /** Queue the worker's retry when it fails (default). The retry job itself passes false: the queue retries it. */
  queueRetry?: boolean;
  /** Test seam: runs inside the transaction right after the first effect write. */
  afterFirstWrite?: (tx: Tx) => void | Promise<void>;
};

export type ProcessResult =
  | { outcome: "PROCESSED" | "IGNORED" | "DUPLICATE" }
  | { outcome: "FAILED" | "REJECTED"; error: string };

/**
 * Claims the event row inside the effects' transaction. The insert either creates the row, takes
 * over a FAILED one (a redelivery or replay of a failed event must run), or does nothing because
 * the id was already applied. A concurrent delivery of the same id blocks on the first one's
 * uncommitted row and then sees it applied, so two deliveries can never both apply. When the
 * event is claimed, the same statement takes the lock of the Dodo object it carries (one round
 * trip for both; the claim always comes first, so the order of the two locks never varies).
 */
async function claimEvent(tx: Tx, event: VerifiedEvent, outcome: WebhookOutcome, force: boolean, objectId: string | null): Promise<boolean> {
  const payload = JSON.stringify(event.envelope);
  const claim = Prisma.sql`
    INSERT INTO "WebhookEvent" ("id", "type", "payload", "eventTimestamp", "processedAt", "outcome", "attempts")
    VALUES (${event.webhookId}, ${event.type}, ${payload}::jsonb, ${event.occurredAt}, now(), ${outcome}::"WebhookOutcome", 1)
    ON CONFLICT ("id") DO UPDATE SET
      "attempts" = "WebhookEvent"."attempts" + 1, "outcome" = EXCLUDED."outcome", "payload" = EXCLUDED."payload",
      "processedAt" = EXCLUDED."processedAt", "error" = NULL
    WHERE "WebhookEvent"."outcome" = 'FAILED' OR ${force}::boolean`;
  if (objectId === null) return (await tx.$executeRaw`${claim}`) === 1;
  const [row] = await tx.$queryRaw<{ claimed: number }[]>`
    WITH claim AS (${claim} RETURNING 1)
    SELECT count(*)::int AS "claimed" FROM claim WHERE ${lockSql("dodo-object", objectId)} = ''`;
  return row?.claimed === 1;
}

/** The retry job's key: one pending retry per failed event. */
export const retryWebhookJobKey = (webhookId: string) => `webhook:${webhookId}`;

/** The worker's first retry comes after Dodo's own early redeliveries (immediately, 5 s) had their chance. */
const WORKER_RETRY_AFTER_MS = 60_000;

/**
 * Records a failure after the effects were rolled back, so the merchant sees it and a redelivery
 * retries it; in the same transaction the worker's retry of the stored event is queued (kept at
 * its first run time when it is already pending). Never downgrades an event another delivery has
 * meanwhile applied.
 */
async function recordFailure(event: VerifiedEvent, error: string, queueRetry: boolean): Promise<void> {
  const payload = JSON.stringify(event.envelope);
  await inTransaction(async (tx) => {
    const stored = await tx.$executeRaw`
      INSERT INTO "WebhookEvent" ("id", "type", "payload", "eventTimestamp", "outcome", "error", "attempts")
      VALUES (${event.webhookId}, ${event.type}, ${payload}::jsonb, ${event.occurredAt}, 'FAILED', ${error}, 1)
      ON CONFLICT ("id") DO UPDATE SET
        "attempts" = "WebhookEvent"."attempts" + 1, "error" = EXCLUDED."error", "payload" = EXCLUDED."payload"
      WHERE "WebhookEvent"."outcome" = 'FAILED'`;
    if (stored === 1 && queueRetry) {
      await enqueue(tx, "webhooks.retry-failed", { webhookId: event.webhookId }, {
        jobKey: retryWebhookJobKey(event.webhookId),
        jobKeyMode: "preserve_run_at",
        runAt: new Date(Date.now() + WORKER_RETRY_AFTER_MS),
        maxAttempts: 10,
      });
    }
  });
}

// Payloads are JSON; PostgreSQL's jsonb cannot hold NUL or lone surrogates, so such an envelope
// is stored with them replaced (and rejected: no Dodo object carries them).
const UNSTORABLE_TEXT = /\u0000|\p{Cs}/gu;
const DODO_PAYLOAD_LIMITS = { maxDepth: 64, maxValues: 200_000 };

function sanitise(value: unknown): unknown {
  if (typeof value === "string") return value.replace(UNSTORABLE_TEXT, "\ufffd");
  if (Array.isArray(value)) return value.map(sanitise);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitise(k), sanitise(v)]));
  return value;
}

/** The envelope as jsonb can hold it; one too deep to walk is replaced by a note saying so. */
function storablePayload(event: VerifiedEvent): string {
  try {
    return JSON.stringify(sanitise(event.envelope));
  } catch {
    return JSON.stringify({ type: sanitise(event.type), note: "payload not stored: nested too deeply" });
  }
}

/**
 * Stores a verified event Encore can never apply as REJECTED, so the merchant sees it and the
 * 2xx stops Dodo's retries. Never downgrades an event another delivery has meanwhile applied.
 */
async function recordRejection(event: VerifiedEvent, error: string): Promise<void> {
  const payload = storablePayload(event);
  const type = String(sanitise(event.type)).slice(0, 200);
  await db.$executeRaw`
    INSERT INTO "WebhookEvent" ("id", "type", "payload", "eventTimestamp", "processedAt", "outcome", "error", "attempts")
    VALUES (${event.webhookId}, ${type}, ${payload}::jsonb, ${event.occurredAt}, now(), 'REJECTED', ${error}, 1)
    ON CONFLICT ("id") DO UPDATE SET
      "attempts" = "WebhookEvent"."attempts" + 1, "outcome" = 'REJECTED', "error" = EXCLUDED."error", "payload" = EXCLUDED."payload",
      "processedAt" = EXCLUDED."processedAt"
    WHERE "WebhookEvent"."outcome" IN ('FAILED', 'REJECTED')`;
}

/** Stores a verified event and applies its effects exactly once, in one transaction. */
export async function processWebhookEvent(event: VerifiedEvent, options: ProcessOptions = {}): Promise<ProcessResult> {
  const force = options.force ?? false;
  const unusable = findInputProblem({ id: event.webhookId, envelope: event.envelope }, DODO_PAYLOAD_LIMITS);
  if (!force) {
    // Fast path for redeliveries; the claim below is what actually guarantees once-only.
    const [seen] = unusable ? [] : await db.$queryRaw<{ outcome: WebhookOutcome }[]>`SELECT "outcome" FROM "WebhookEvent" WHERE "id" = ${event.webhookId}`;
    if (seen && seen.outcome !== "FAILED") return { outcome: "DUPLICATE" };
  }
  try {
    if (unusable) throw new InvalidPayloadError(`the event ${unusable.path.replace(/^input\.?/, "")} ${unusable.problem}`);
    const state = objectStateOf(event.envelope);
    // Some events are moments for in-app offers (credit.balance_low → plan_limit_near).
    const moment = isMomentEvent(event.type);
    const outcome: WebhookOutcome = state || moment ? "PROCESSED" : "IGNORED";
    if (state) await prepareObject(state, { dodo: options.dodo });
    const graceHours = options.graceHours ?? loadEnv().ENTITLEMENT_GRACE_HOURS;
    const claimed = await inTransaction(async (tx) => {
      const objectId = state ? lockedObjectOf(state) : null;
      if (!(await claimEvent(tx, event, outcome, force, objectId))) return false;
      if (moment) await recordMomentFromDodo(tx, { webhookId: event.webhookId, type: event.type, data: event.envelope.data }, options.now?.() ?? new Date());
      if (!state) return true;
      let fired = false;
      const checkpoint = async () => {
        if (fired) return;
        fired = true;
        await options.afterFirstWrite?.(tx);
      };
      const now = options.now?.() ?? new Date();
      await applyObject({ tx, observedAt: event.occurredAt, now, graceHours, checkpoint, lockedObjectId: objectId ?? undefined }, state);
      return true;
    });
    return { outcome: claimed ? outcome : "DUPLICATE" };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    if (err instanceof InvalidPayloadError) {
      // The effects (if any) rolled back; if storing the rejection fails, it is a transient failure.
      try {
        await recordRejection(event, error.slice(0, 2000));
        return { outcome: "REJECTED", error };
      } catch (storeErr) {
        return { outcome: "FAILED", error: storeErr instanceof Error ? storeErr.message : String(storeErr) };
      }
    }
    try {
      await recordFailure(event, error.slice(0, 2000), options.queueRetry ?? true);
    } catch {
      // The database itself is failing; the 5xx makes Dodo redeliver, which records it then.
    }
    return { outcome: "FAILED", error };
  }
}
