/**
 * Sandbox time: wall-clock time plus an offset that the control plane can move forward (or set),
 * so renewals and proration can be exercised without waiting a month.
 */
export class SandboxClock {
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}

/** Adds `count` calendar units to an ISO date, clamping month ends (Jan 31 + 1 month = Feb 28/29). */
export function addInterval(iso: string, interval: "Day" | "Week" | "Month" | "Year", count: number): string {
  const date = new Date(iso);
  if (interval === "Day") return new Date(date.getTime() + count * 86_400_000).toISOString();
  if (interval === "Week") return new Date(date.getTime() + count * 7 * 86_400_000).toISOString();
  const months = interval === "Month" ? count : count * 12;
  const day = date.getUTCDate();
  const shifted = new Date(date);
  shifted.setUTCDate(1);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted.toISOString();
}
