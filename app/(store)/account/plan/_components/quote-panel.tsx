"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { cancelFocusHandoff } from "@/components/focus-handoff";
import type { QuoteView } from "@/lib/plans/quote-view";

/**
 * Dodo's preview of one change, as locked in the quote: every number here comes from the
 * preview (formatted on the server); the browser only displays it.
 */
export function QuotePanel({ quote, notice, pending, action, onConfirm }: { quote: QuoteView; notice: string | null; pending: boolean; action: (form: FormData) => void; onConfirm: () => void }) {
  const t = useTranslations();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new preview (or new numbers) takes focus, which also scrolls it into view.
  useEffect(() => {
    cancelFocusHandoff();
    heading.current?.focus();
  }, [quote.token]);
  return (
    <section data-testid="quote-panel" aria-labelledby="quote-title" className="mt-1 rounded-xl border-2 border-brand-500 bg-white p-5">
      <h3 id="quote-title" ref={heading} tabIndex={-1} className="scroll-mt-4 text-lg font-semibold outline-none">{quote.title}</h3>
      {notice ? <p role="alert" data-testid="quote-notice" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">{notice}</p> : null}
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("plans.quotePanel.chargedNow")}</dt>
        <dd className="text-right text-lg font-bold" data-testid="quote-charge-now">{quote.chargeNow}</dd>
        {quote.tax !== null ? (<><dt className="text-slate-600">{t("plans.quotePanel.ofWhichTax")}</dt><dd className="text-right" data-testid="quote-tax">{quote.tax}</dd></>) : null}
        {quote.credit ? (<><dt className="text-slate-600">{quote.credit.label}</dt><dd className="text-right" data-testid="quote-credit">{quote.credit.amount}</dd></>) : null}
        <dt className="text-slate-600">{t("plans.quotePanel.newPlan")}</dt>
        <dd className="text-right" data-testid="quote-new-plan">{quote.newPlan.name} · {quote.newPlan.price}</dd>
        <dt className="text-slate-600">{t("plans.quotePanel.takesEffect")}</dt>
        <dd className="text-right" data-testid="quote-effective">{quote.effective}</dd>
        <dt className="text-slate-600">{t("plans.quotePanel.nextBilling")}</dt>
        <dd className="text-right" data-testid="quote-next-billing">{quote.newPlan.nextBilling}</dd>
      </dl>
      {quote.discount ? <p data-testid="quote-discount" className="mt-2 rounded bg-emerald-50 p-2 text-sm text-emerald-900">{quote.discount}</p> : null}
      {quote.lines.length > 0 ? (
        <table className="mt-3 w-full text-left text-xs text-slate-700">
          <thead><tr><th className="font-medium">{t("plans.quotePanel.item")}</th><th className="font-medium">{t("plans.quotePanel.quantity")}</th><th className="font-medium">{t("plans.quotePanel.price")}</th><th className="font-medium">{t("plans.quotePanel.billedFor")}</th></tr></thead>
          <tbody>
            {quote.lines.map((line, i) => (
              <tr key={i} data-testid="quote-line"><td data-merchant-copy>{line.name}</td><td>{line.quantity}</td><td>{line.unitPrice}</td><td>{line.factor}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="mt-3 text-sm text-slate-600">{quote.explanation}</p>
      {quote.credit?.kind === "added" ? <p className="text-sm text-slate-600">{t("plans.quotePanel.creditApplied")}</p> : null}
      {quote.failureNote ? <p className="mt-1 text-sm text-slate-600" data-testid="quote-failure-note">{quote.failureNote}</p> : null}
      <div className="mt-4 flex items-center gap-3">
        <form action={action} onSubmit={onConfirm}>
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="token" value={quote.token} />
          <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
            {pending ? t("plans.page.working") : quote.confirmLabel}
          </button>
        </form>
        <form action={action}>
          <input type="hidden" name="intent" value="dismiss" />
          <button type="submit" disabled={pending} className="text-sm text-slate-500 underline hover:text-slate-800">{t("plans.quotePanel.cancel")}</button>
        </form>
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("plans.quotePanel.heldUntil", { time: new Date(quote.expiresAt).toISOString().slice(11, 16) })}</p>
    </section>
  );
}
