import { Webhook } from "standardwebhooks";
import type { WebhookEventType, WebhookPayload } from "dodopayments/resources/index";
import type { EventSink } from "../core";
import type { EventRef } from "../domain/events";
import { newId } from "../ids";

/** Dodo's documented retry plan: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DODO_RETRY_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
/** Dodo waits 15 s for connect + response. */
const DELIVERY_TIMEOUT_MS = 15_000;
const LOG_LIMIT = 1_000;
/** Events emitted within this window are delivered together (in shuffled order when `shuffle` is on). */
const SHUFFLE_WINDOW_MS = 25;

/** Fault modes for testing webhook handlers. */
export interface DeliveryModes {
  /** Send every message twice with the same `webhook-id`. */
  duplicate: boolean;
  /** Deliver messages of the same burst in random order. */
  shuffle: boolean;
  /** Extra wait before the first attempt. */
  delay_ms: number;
  /** Skip the first attempt of each message (logged as dropped), so only a retry delivers it. */
  drop_first: boolean;
  /**
   * Replay each message exactly as emitted. Off (Dodo's behaviour): every attempt carries the
   * object's latest state. On: a snapshot from emission time, for testing ordering logic against it.
   */
  snapshot: boolean;
  /** Seed for `shuffle` so a failing order can be replayed; null = unseeded. */
  shuffle_seed: number | null;
  /**
   * Customers whose events are never sent (logged as `withheld`): an endpoint that never gets
   * them, for one customer only, so a test of what happens without webhooks leaves every other
   * test's deliveries alone. Test control, not a Dodo behaviour.
   */
  withhold_customers: string[];
}

export interface WebhookConfig {
  url: string | null;
  secret: string;
  modes: DeliveryModes;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
}

export interface DeliveryRecord {
  id: string;
  type: WebhookEventType;
  created_at: string;
  /** The envelope as emitted; `data` is re-read through `ref` at each attempt unless in snapshot mode. */
  emitted: WebhookPayload;
  ref: EventRef | null;
  /** The body of the latest attempt (the emitted one before any attempt). */
  body: string;
  status: "pending" | "delivered" | "failed" | "no_endpoint" | "withheld";
  attempts: DeliveryAttempt[];
}

export const NO_FAULT_MODES: DeliveryModes = { duplicate: false, shuffle: false, delay_ms: 0, drop_first: false, snapshot: false, shuffle_seed: null, withhold_customers: [] };

/** The customer an event's object belongs to (payments, subscriptions, refunds, disputes, credit entries). */
function customerOf(data: WebhookPayload["data"]): string | null {
  const record = data as { customer?: { customer_id?: unknown } | null; customer_id?: unknown };
  const id = record.customer?.customer_id ?? record.customer_id;
  return typeof id === "string" ? id : null;
}

/** Current `data` for an event's object, or null when it no longer exists. */
export type EventRenderer = (ref: EventRef) => WebhookPayload["data"] | null;

/** In-process delivery queue: signs with Standard Webhooks, retries non-2xx on the schedule, keeps a log. */
export class WebhookDispatcher implements EventSink {
  private readonly log: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<AbortController>();
  private shuffleBatch: DeliveryRecord[] = [];
  private closed = false;
  private random: () => number = Math.random;

  constructor(
    public config: WebhookConfig,
    private readonly retrySchedule: number[],
    private readonly businessId: () => string,
    private readonly render: EventRenderer,
  ) {}

  /** Replaces the fault modes; a new `shuffle_seed` restarts the seeded sequence. */
  setModes(modes: Partial<DeliveryModes>): void {
    this.config.modes = { ...this.config.modes, ...modes };
    if (modes.shuffle_seed !== undefined) {
      this.random = this.config.modes.shuffle_seed === null ? Math.random : seededRandom(this.config.modes.shuffle_seed);
    }
  }

  emit(type: WebhookEventType, data: WebhookPayload["data"], at: string, ref: EventRef | null): void {
    const envelope = { business_id: this.businessId(), type, timestamp: at, data } satisfies WebhookPayload;
    const record: DeliveryRecord = {
      id: newId("msg"),
      type,
      created_at: new Date().toISOString(),
      emitted: envelope,
      ref,
      body: JSON.stringify(envelope),
      status: this.config.url ? "pending" : "no_endpoint",
      attempts: [],
    };
    const customer = customerOf(data);
    if (record.status === "pending" && customer !== null && this.config.modes.withhold_customers.includes(customer)) {
      record.status = "withheld";
      record.attempts.push({ at: new Date().toISOString(), status: null, error: "withheld (withhold_customers)", duration_ms: 0 });
    }
    this.log.push(record);
    if (this.log.length > LOG_LIMIT) this.log.shift();
    if (record.status === "no_endpoint" || record.status === "withheld") return;
    if (!this.config.modes.shuffle) {
      this.schedule(record, 0, this.config.modes.delay_ms + (this.retrySchedule[0] ?? 0));
      return;
    }
    this.shuffleBatch.push(record);
    if (this.shuffleBatch.length === 1) this.later(SHUFFLE_WINDOW_MS, () => this.releaseShuffled());
  }

  deliveries(): DeliveryRecord[] {
    return [...this.log];
  }

  find(id: string): DeliveryRecord | undefined {
    return this.log.find((r) => r.id === id);
  }

  /** Sends a logged message again now, with its original `webhook-id` and a fresh signature. */
  async redeliver(record: DeliveryRecord): Promise<DeliveryAttempt> {
    const attempt = await this.send(record);
    if (attempt.status !== null && attempt.status < 300) record.status = "delivered";
    return attempt;
  }

  clearLog(): void {
    this.log.length = 0;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inflight) controller.abort();
  }

  private releaseShuffled(): void {
    const batch = this.shuffleBatch;
    this.shuffleBatch = [];
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    // Staggered by a millisecond each so the shuffled order is also the arrival order.
    batch.forEach((record, i) => this.schedule(record, 0, this.config.modes.delay_ms + i));
  }

  private schedule(record: DeliveryRecord, attemptIndex: number, delayMs: number): void {
    this.later(delayMs, () => void this.attempt(record, attemptIndex));
  }

  private later(delayMs: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(record: DeliveryRecord, index: number): Promise<void> {
    let delivered = false;
    if (index === 0 && this.config.modes.drop_first) {
      record.attempts.push({ at: new Date().toISOString(), status: null, error: "dropped (drop_first fault mode)", duration_ms: 0 });
    } else {
      const attempt = await this.send(record);
      delivered = attempt.status !== null && attempt.status < 300;
      if (delivered && this.config.modes.duplicate) await this.send(record);
    }
    if (this.closed) return;
    if (delivered) {
      record.status = "delivered";
      return;
    }
    const next = index + 1;
    if (next < this.retrySchedule.length) this.schedule(record, next, this.retrySchedule[next]!);
    else record.status = "failed";
  }

  /**
   * The body for this attempt. The envelope's `timestamp` stays the time the event occurred (SDK:
   * "not necessarily the same of when it was delivered"); `data` is the object as it is now.
   */
  private bodyFor(record: DeliveryRecord): string {
    if (this.config.modes.snapshot || !record.ref) return JSON.stringify(record.emitted);
    let data: WebhookPayload["data"] | null = null;
    try {
      data = this.render(record.ref);
    } catch (error) {
      console.error("[sandbox] could not render the latest payload; sending the emitted one", error);
    }
    return JSON.stringify({ ...record.emitted, data: data ?? record.emitted.data });
  }

  private async send(record: DeliveryRecord): Promise<DeliveryAttempt> {
    const url = this.config.url;
    const started = Date.now();
    const at = new Date(started).toISOString();
    if (!url) return this.logAttempt(record, { at, status: null, error: "no endpoint configured", duration_ms: 0 });
    record.body = this.bodyFor(record);
    // Signed with wall-clock time: receivers check the timestamp against their own clock (±5 min).
    const sentAt = new Date();
    const signature = new Webhook(this.config.secret).sign(record.id, sentAt, record.body);
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
    this.inflight.add(controller);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Encore-Sandbox-Webhooks/1.0",
          "webhook-id": record.id,
          "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
          "webhook-signature": signature,
        },
        body: record.body,
        signal: controller.signal,
      });
      await response.arrayBuffer();
      return this.logAttempt(record, { at, status: response.status, error: null, duration_ms: Date.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.logAttempt(record, { at, status: null, error: message, duration_ms: Date.now() - started });
    } finally {
      clearTimeout(timeout);
      this.inflight.delete(controller);
    }
  }

  private logAttempt(record: DeliveryRecord, attempt: DeliveryAttempt): DeliveryAttempt {
    record.attempts.push(attempt);
    return attempt;
  }
}

/** mulberry32: a small seeded PRNG, so a shuffled delivery order can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
