"use client";
import { useEffect } from "react";

// How long a form may take to move focus to its own answer (useValidatedForm) before we step in.
const GRACE_MS = 150;

/**
 * Keeps keyboard focus on the page when the element that held it disappears after an action (a
 * removed funnel step, a form replaced by the page a redirect led to): focus moves to the page's
 * arrival message ([data-focus-on-arrival]) or its heading, never to <body>. Focus that left on
 * purpose (a click on empty space) is left alone: the element that had it still exists.
 */
export function FocusKeeper() {
  useEffect(() => {
    let last: Element | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onFocusIn = (event: FocusEvent) => {
      last = event.target instanceof Element ? event.target : null;
    };
    const rescue = () => {
      timer = undefined;
      const active = document.activeElement;
      if ((active && active !== document.body) || !last || last.isConnected) return;
      const target = document.querySelector<HTMLElement>("[data-focus-on-arrival]") ?? document.querySelector<HTMLElement>("main h1");
      target?.focus();
    };
    const observer = new MutationObserver(() => {
      if (timer === undefined && last && !last.isConnected) timer = setTimeout(rescue, GRACE_MS);
    });
    document.addEventListener("focusin", onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", onFocusIn);
      clearTimeout(timer);
    };
  }, []);
  return null;
}
