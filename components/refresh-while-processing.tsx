"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * While a change or a charge is processing or being confirmed, reloads the server view until a webhook, a
 * sync or the worker settles it: every 1.5 s for the first minute, then every 10 s (the worker
 * may take its whole settle window), for as long as the page shows that state.
 */
export function RefreshWhileProcessing({ everyMs = 1500, fastTimes = 40, slowMs = 10_000 }: { everyMs?: number; fastTimes?: number; slowMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    let times = 0;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      router.refresh();
      timer = setTimeout(tick, ++times < fastTimes ? everyMs : slowMs);
    };
    timer = setTimeout(tick, everyMs);
    return () => clearTimeout(timer);
  }, [router, everyMs, fastTimes, slowMs]);
  return null;
}
