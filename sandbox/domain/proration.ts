/**
 * Pure plan-change and renewal money math (integer minor units). Follows Dodo's documented examples
 * (developer-resources/subscription-upgrade-downgrade): at r = ½ of a 30-day cycle, Basic $30 → Pro $80
 * charges $25 (prorated) / $50 (difference) / $80 (full); Pro $80 → Starter $20 credits $30 / $60.
 */

export type ProrationMode = "prorated_immediately" | "full_immediately" | "difference_immediately" | "do_not_bill";

export interface PriceLine {
  type: "subscription" | "addon";
  id: string;
  /** Per-cycle unit price in minor units. */
  unit_price: number;
  quantity: number;
}

export interface PlanChangeQuote {
  /** Factor applied to the new plan's lines (1 = full price, r = prorated, 0 = not billed). */
  proration_factor: number;
  /** Signed net before credits: positive = owed now, negative = credit for unused time. */
  net_amount: number;
  credit_added: number;
  credit_used: number;
  /** What is charged now, after credits. */
  total_amount: number;
  /** Signed movement of the credit balance: +added, −used (the preview's `customer_credits`). */
  customer_credits: number;
  /** `full_immediately` restarts the billing cycle at the change. */
  resets_cycle: boolean;
}

/** Round half away from zero to whole minor units (Dodo's rounding is UNCONFIRMED; this is the stand-in). */
export function roundMinor(amount: number): number {
  const rounded = Math.round(Math.abs(amount) + 1e-9);
  return amount < 0 ? -rounded : rounded;
}

/** Share of the current period still ahead of `now`, clamped to [0, 1]. */
export function remainingFraction(periodStart: string, periodEnd: string, now: string): number {
  const start = Date.parse(periodStart);
  const end = Date.parse(periodEnd);
  const at = Date.parse(now);
  if (end <= start) return 0;
  return Math.min(1, Math.max(0, (end - at) / (end - start)));
}

export function planTotal(lines: PriceLine[]): number {
  return lines.reduce((sum, line) => sum + line.unit_price * line.quantity, 0);
}

/** Each line is rounded on its own, then summed (a stand-in for per-line invoice rounding). */
export function scaledTotal(lines: PriceLine[], factor: number): number {
  return lines.reduce((sum, line) => sum + roundMinor(line.unit_price * line.quantity * factor), 0);
}

/** Spends up to `balance` of credit on `amount`. */
export function applyCredit(amount: number, balance: number): { charged: number; credit_used: number } {
  const credit_used = Math.min(Math.max(balance, 0), Math.max(amount, 0));
  return { charged: amount - credit_used, credit_used };
}

export function quotePlanChange(input: {
  mode: ProrationMode;
  oldLines: PriceLine[];
  newLines: PriceLine[];
  /** Remaining fraction of the current cycle (see `remainingFraction`). */
  remaining: number;
  creditBalance: number;
}): PlanChangeQuote {
  const { mode, oldLines, newLines, remaining, creditBalance } = input;
  let net: number;
  let factor: number;
  switch (mode) {
    case "prorated_immediately":
      factor = remaining;
      net = scaledTotal(newLines, remaining) - scaledTotal(oldLines, remaining);
      break;
    case "difference_immediately":
      factor = 1;
      net = planTotal(newLines) - planTotal(oldLines);
      break;
    case "full_immediately":
      // No credit for unused time: the new plan is billed in full and its cycle starts now.
      factor = 1;
      net = planTotal(newLines);
      break;
    case "do_not_bill":
      // Undocumented mode (UNCONFIRMED): switch now, bill nothing, credit nothing.
      factor = 0;
      net = 0;
      break;
  }
  const credit_added = net < 0 ? -net : 0;
  const { charged, credit_used } = applyCredit(Math.max(net, 0), creditBalance);
  return {
    proration_factor: factor,
    net_amount: net,
    credit_added,
    credit_used,
    total_amount: charged,
    customer_credits: credit_added - credit_used,
    resets_cycle: mode === "full_immediately",
  };
}
