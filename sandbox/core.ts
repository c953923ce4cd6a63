import type { WebhookEventType, WebhookPayload } from "dodopayments/resources/index";
import { SandboxClock } from "./clock";
import type { EventRef } from "./domain/events";
import type { SandboxSettings } from "./settings";
import type { SandboxState } from "./state/types";

export interface EventSink {
  /** `ref` names the object so a delivery can carry its latest state; without it the payload is sent as emitted. */
  emit(type: WebhookEventType, data: WebhookPayload["data"], at: string, ref: EventRef | null): void;
}

/**
 * The sandbox's shared context: state, clock, settings, webhook sink and the queue of asynchronous
 * settlements. Domain modules take it as their first argument and hold no state of their own.
 */
export class SandboxCore {
  readonly clock: SandboxClock;
  baseUrl = "";
  private readonly deferred = new Map<string, { timer: NodeJS.Timeout; run: () => void }>();

  constructor(
    public state: SandboxState,
    private readonly events: EventSink,
    private readonly onChange: () => void,
  ) {
    this.clock = new SandboxClock(state.clock_offset_ms);
  }

  get settings(): SandboxSettings {
    return this.state.settings;
  }

  nextSeq(): number {
    return this.state.next_seq++;
  }

  now(): string {
    return this.clock.nowIso();
  }

  emit(type: WebhookEventType, data: WebhookPayload["data"], ref: EventRef | null = null): void {
    this.events.emit(type, data, this.now(), ref);
  }

  /** Records that state changed (persisted shortly after). */
  changed(): void {
    this.state.clock_offset_ms = this.clock.offset;
    this.onChange();
  }

  /**
   * Runs `run` after the settle delay, like a card network answering a moment later. `settleAll`
   * runs every pending one immediately so tests need not sleep.
   */
  defer(key: string, run: () => void): void {
    if (this.deferred.has(key)) return;
    const timer = setTimeout(() => this.runDeferred(key), this.settings.settle_delay_ms);
    timer.unref();
    this.deferred.set(key, { timer, run });
  }

  settleAll(): number {
    let settled = 0;
    // Settling may queue follow-up work (e.g. a dues charge); loop until the queue is quiet.
    while (this.deferred.size > 0) {
      for (const key of [...this.deferred.keys()]) {
        this.runDeferred(key);
        settled++;
      }
    }
    return settled;
  }

  pendingSettlements(): number {
    return this.deferred.size;
  }

  /** Replaces the whole state (reset to seed) and drops queued settlements of the old one. */
  replaceState(state: SandboxState): void {
    this.stop();
    this.state = state;
    this.clock.set(new Date(Date.now() + state.clock_offset_ms));
    this.changed();
  }

  stop(): void {
    for (const { timer } of this.deferred.values()) clearTimeout(timer);
    this.deferred.clear();
  }

  private runDeferred(key: string): void {
    const entry = this.deferred.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.deferred.delete(key);
    entry.run();
    this.changed();
  }
}
