"use client";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useState } from "react";

// The offer's window, counted down in the browser. The server sends both the closing time and its
// own "now", and the browser counts from its own monotonic clock, so a wrong clock on the
// customer's machine can't make an offer look open (or closed) when it is not.

type Clock = { remainingMs: number; expired: boolean };

const OfferClockContext = createContext<Clock>({ remainingMs: Infinity, expired: false });

function useRemaining(expiresAt: string, serverNow: string): number {
  const [remaining, setRemaining] = useState(() => Date.parse(expiresAt) - Date.parse(serverNow));
  useEffect(() => {
    const total = Date.parse(expiresAt) - Date.parse(serverNow);
    const started = performance.now();
    const tick = () => setRemaining(total - (performance.now() - started));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt, serverNow]);
  return remaining;
}

/** Provides the window's state to the offer's controls (Accept is disabled once it has closed). */
export function OfferClock({ expiresAt, serverNow, children }: { expiresAt: string; serverNow: string; children: React.ReactNode }) {
  const remainingMs = useRemaining(expiresAt, serverNow);
  return <OfferClockContext.Provider value={{ remainingMs, expired: remainingMs <= 0 }}>{children}</OfferClockContext.Provider>;
}

export const useOfferClock = () => useContext(OfferClockContext);

/** "14:05" under an hour, "2 h 05 min" above. */
export function remainingLabel(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/** The visible countdown; a timer (not announced every second), then a status once it closes. */
export function Countdown() {
  const { remainingMs, expired } = useOfferClock();
  const t = useTranslations();
  if (expired) {
    return <p role="status" className="text-sm font-medium text-slate-700" data-testid="offer-expired">{t("offers.expired")}</p>;
  }
  return (
    <p className="text-sm text-slate-700" data-testid="offer-countdown">
      {t.rich("offers.endsIn", {
        remaining: remainingLabel(remainingMs),
        timer: (chunks) => <span role="timer" className="font-semibold tabular-nums" data-testid="offer-remaining">{chunks}</span>,
      })}
    </p>
  );
}
