"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

// The offer editor's live preview: the real customer page (app/(offer-preview)/merchant/offers/preview,
// which renders the store's offer panel) in two frames, desktop and phone width, reloaded with the
// form's current values as the merchant types. Frames, not a copy of the panel: the phone frame's own
// width drives the store's responsive layout exactly as a phone's screen would.

const FIELDS = ["offeredProductId", "kind", "headline", "body", "discountBps", "imageUrl", "maxQuantity", "badge"] as const;
// Fields with several values (a bundle's product slots).
const LIST_FIELDS = ["bundleProductIds"] as const;
const WIDTHS = [{ key: "desktop", width: 1024 }, { key: "phone", width: 390 }] as const;

function draftQuery(form: HTMLFormElement): string {
  const data = new FormData(form);
  const query = new URLSearchParams();
  for (const field of FIELDS) {
    const value = data.get(field);
    if (typeof value === "string" && value !== "") query.set(field, value);
  }
  for (const field of LIST_FIELDS) {
    for (const value of data.getAll(field)) if (typeof value === "string" && value !== "") query.append(field, value);
  }
  return query.toString();
}

/** Renders inside the offer form and follows its fields. */
export function OfferPreview() {
  const t = useTranslations();
  const labelOf = (key: (typeof WIDTHS)[number]["key"]) => (key === "desktop" ? t("console.preview.desktop") : t("console.preview.phone"));
  const anchor = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setQuery(draftQuery(form)), 300);
    };
    setQuery(draftQuery(form));
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
    };
  }, []);
  return (
    <section ref={anchor} aria-labelledby="offer-preview-title" className="space-y-3" data-testid="offer-preview">
      <h2 id="offer-preview-title" className="text-lg font-semibold">{t("console.preview.title")}</h2>
      <p className="text-sm text-slate-600">{t("console.preview.intro")}</p>
      <div className="flex flex-wrap items-start gap-6 overflow-x-auto">
        {query === null ? null : WIDTHS.map(({ key, width }) => (
          <figure key={key} className="space-y-1">
            <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-600">{labelOf(key)} · {width}px</figcaption>
            <iframe
              title={t("console.preview.frameTitle", { width: labelOf(key).toLowerCase() })}
              src={`/merchant/offers/preview?${query}`}
              width={width}
              height={760}
              className="box-content rounded-lg border border-slate-300 bg-white"
              data-testid={`offer-preview-${key}`}
            />
          </figure>
        ))}
      </div>
    </section>
  );
}
