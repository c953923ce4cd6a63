// Display formatting for stats: one place, so the page and its tests agree on every string.
import { formatMoney, formatSigned, money } from "@/lib/money/money";
import type { Interval } from "./math";

export const formatRate = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

export const formatAmount = (amount: number | null, currency: string) => (amount === null ? "—" : formatMoney(money(Math.round(amount), currency)));

export const formatSignedAmount = (amount: number, currency: string) => formatSigned(money(Math.round(amount), currency));

export const formatInterval = (i: Interval, currency: string) => `${formatSignedAmount(i.low, currency)} to ${formatSignedAmount(i.high, currency)}`;

/** Percentage-point difference of two rates: "+12.5 pts". */
export const formatPoints = (diff: number) => `${diff >= 0 ? "+" : "−"}${Math.abs(diff * 100).toFixed(1)} pts`;

export const formatCount = (n: number) => n.toLocaleString("en-US");
