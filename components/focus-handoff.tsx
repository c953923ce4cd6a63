"use client";
import { useEffect, useRef } from "react";

// Where keyboard focus goes when an offer's controls disappear (accepted, declined): the page
// re-renders from the server and the button that had focus is gone, which would drop focus to
// <body>. The control names the targets it hands focus to; the first of them to mount takes it.
// Module state is shared by every client component of the page (one browser tab).
let wanted: { targets: string[]; fallback: string | null } | null = null;
/** What last took focus inside a FocusTarget: it tells a target going away whether it held focus. */
let lastFocused: Node | null = null;

export function handOffFocus(targets: string[], fallbackId: string | null = null): void {
  wanted = { targets, fallback: fallbackId };
}

/** Someone else took focus (a panel that focuses itself): nothing is handed off any more. */
export function cancelFocusHandoff(): void {
  wanted = null;
}

/** When the controls went away and no target mounted, focus the page's fallback (a heading). */
export function settleFocusHandoff(): void {
  const pending = wanted;
  if (!pending || document.activeElement !== document.body) return;
  wanted = null;
  if (pending.fallback) document.getElementById(pending.fallback)?.focus();
}

/**
 * A focusable region (tabIndex -1) that takes focus when it mounts as one of the wanted targets.
 * Several may share an id (the plan page's "processing" banner and the flow's outcome): when the
 * one holding focus goes away, focus moves to the one that replaced it, not to <body>.
 */
export function FocusTarget({ id, as: Tag = "div", className, children, ...rest }: { id: string; as?: "div" | "li" | "h2"; className?: string; children: React.ReactNode } & Record<`data-${string}`, string>) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (wanted?.targets.includes(id)) {
      wanted = null;
      element?.focus();
    }
    return () => {
      if (!element || document.activeElement !== document.body || !element.contains(lastFocused)) return;
      // After this commit's other effects: the replacement may mount in the same commit.
      setTimeout(() => {
        if (document.activeElement !== document.body) return;
        const next = [...document.querySelectorAll<HTMLElement>("[data-focus-target]")].find((el) => el.dataset.focusTarget === id);
        next?.focus();
      }, 0);
    };
  }, [id]);
  return (
    // @ts-expect-error -- one ref type for the three tags
    <Tag ref={ref} tabIndex={-1} data-focus-target={id} onFocus={(e: React.FocusEvent<HTMLElement>) => { lastFocused = e.target as Node; }} className={`outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${className ?? ""}`} {...rest}>
      {children}
    </Tag>
  );
}
