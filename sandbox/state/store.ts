import fs from "node:fs";
import path from "node:path";
import { DEFAULT_SETTINGS } from "../settings";
import type { SandboxState } from "./types";

export function emptyState(business_id: string, brand_id: string): SandboxState {
  return {
    version: 1,
    business_id,
    brand_id,
    clock_offset_ms: 0,
    next_seq: 1,
    settings: { ...DEFAULT_SETTINGS },
    customers: {},
    payment_methods: {},
    products: {},
    addons: {},
    checkouts: {},
    payments: {},
    subscriptions: {},
    refunds: {},
    discounts: {},
    disputes: {},
    credit_entitlements: {},
    credit_grants: {},
    credit_balances: {},
    credit_ledger: {},
  };
}

export function loadState(file: string): SandboxState | null {
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as SandboxState;
  if (parsed.version !== 1) throw new Error(`${file}: unsupported sandbox state version ${String(parsed.version)}`);
  // Settings added after the file was written fall back to their defaults.
  parsed.settings = { ...DEFAULT_SETTINGS, ...parsed.settings };
  fillFieldsAddedLater(parsed);
  return parsed;
}

/** Files written before discounts existed lack their fields; the neutral values mean "no discount". */
function fillFieldsAddedLater(state: SandboxState): void {
  state.discounts ??= {};
  state.disputes ??= {};
  state.credit_entitlements ??= {};
  state.credit_grants ??= {};
  state.credit_balances ??= {};
  state.credit_ledger ??= {};
  for (const record of Object.values(state.refunds)) record.items ??= [];
  for (const sub of Object.values(state.subscriptions)) {
    sub.discounts ??= [];
    if (sub.scheduled_change) sub.scheduled_change.discounts ??= [];
    if (sub.pending_change) sub.pending_change.discounts ??= [];
  }
  for (const session of Object.values(state.checkouts)) {
    session.discount_ids ??= [];
    session.minimal_address ??= false;
    session.force_3ds ??= false;
    for (const line of session.cart) line.discount ??= 0;
  }
  for (const payment of Object.values(state.payments)) {
    payment.discount_ids ??= [];
    payment.force_3ds ??= false;
    payment.authentication_expires_at ??= null;
    payment.pending_card ??= null;
  }
  for (const record of Object.values(state.discounts)) record.contention ??= 0;
  for (const sub of Object.values(state.subscriptions)) {
    sub.paused_at ??= null;
    sub.credit_overrides ??= {};
  }
}

/** Write-then-rename so a crash mid-write never leaves a truncated state file. */
export function saveState(file: string, state: SandboxState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

/** Coalesces the many small mutations of a request burst into one write. */
export class DebouncedSaver {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    private readonly read: () => SandboxState,
    private readonly delayMs = 200,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    saveState(this.file, this.read());
  }
}
