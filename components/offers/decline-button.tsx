"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { OfferActions } from "./actions";
import { useOfferClock } from "./countdown";
import { handOffFocus, settleFocusHandoff } from "@/components/focus-handoff";
import { NEXT_OFFER_TARGET } from "@/components/focus-targets";

/**
 * "No thanks": a plain form post (works without JavaScript). Focus then moves to the next offer,
 * or to the page's fallback heading when no offer follows.
 */
export function DeclineButton({ impressionId, decline, fallbackFocusId }: { impressionId: string; decline: OfferActions["decline"]; fallbackFocusId: string }) {
  const { expired } = useOfferClock();
  const t = useTranslations();
  // Gone from the page (declined): if no next offer took focus, the fallback does.
  useEffect(() => () => queueMicrotask(settleFocusHandoff), []);
  if (expired) return null;
  return (
    <form action={decline} onSubmit={() => handOffFocus([NEXT_OFFER_TARGET], fallbackFocusId)} className="text-center">
      <input type="hidden" name="impressionId" value={impressionId} />
      <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-900">{t("offers.noThanks")}</button>
    </form>
  );
}
