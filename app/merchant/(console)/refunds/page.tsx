import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RefundForm } from "@/components/merchant/refund-form";
import { Badge, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney, money } from "@/lib/money/money";
import { disputeStatusLabel, refundRequestLabel, refundStatusLabel } from "@/lib/refunds/labels";
import { offerPurchases } from "@/lib/refunds/refund";
import { refundAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.refunds.metaTitle") };
}

/** Offer purchases, newest first: what was paid, refunded and disputed, and a refund form while something is left. */
export default async function RefundsPage() {
  await requireMerchant();
  const [purchases, t, locale] = await Promise.all([offerPurchases(), getTranslations(), getLocale() as Promise<Locale>]);
  const amount = (minor: number, currency: string) => formatMoney(money(minor, currency), locale);
  return (
    <div className="space-y-6">
      <PageHeader title={t("console.refunds.title")} description={t("console.refunds.description")} />
      {purchases.length === 0 ? <EmptyState title={t("console.refunds.emptyTitle")}>{t("console.refunds.emptyText")}</EmptyState> : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="offer-purchases">
            <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.refunds.colPurchase")}</th><th className={thClass}>{t("console.refunds.colPaid")}</th><th className={thClass}>{t("console.refunds.colRefunds")}</th><th className={thClass}>{t("console.refunds.colRefund")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {purchases.map((p) => (
                <tr key={p.id} data-testid="offer-purchase" data-payment-id={p.id}>
                  <td className={tdClass}>{p.impression?.offer ? <span className="font-medium" data-merchant-copy>{p.impression.offer.name}</span> : <span className="font-medium">{t("console.refunds.offer")}</span>}{p.bundle.length ? <p className="text-sm" data-testid="purchase-bundle">{t("console.refunds.bundle")} <span data-merchant-copy>{p.bundle.join(" + ")}</span></p> : null}<p className="text-xs text-slate-600">{p.customer.email} · {p.dodoCreatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</p><p className="font-mono text-xs text-slate-600">{p.id}</p></td>
                  <td className={tdClass}>{amount(p.totalAmount, p.currency)}</td>
                  <td className={tdClass}>
                    <ul className="space-y-1 text-sm" data-testid="refund-list">
                      {/* A refund's reason is the merchant's own words. */}
                      {p.refunds.map((r) => <li key={r.id}>{t("console.refunds.refund", { amount: amount(r.amount, r.currency) })} <Badge tone={r.status === "succeeded" ? "green" : r.status === "failed" ? "red" : "amber"}>{refundStatusLabel(r.status, locale)}</Badge>{r.reason ? <span className="text-slate-600"> — <span data-merchant-copy>{r.reason}</span></span> : null}</li>)}
                      {p.disputes.map((d) => <li key={d.id}>{t("console.refunds.dispute", { amount: amount(d.amount, d.currency) })} <Badge tone="red">{disputeStatusLabel(d.status, locale)}</Badge></li>)}
                      {p.requests.filter((r) => r.status !== "MADE").slice(0, 3).map((r) => <li key={r.id} data-testid="refund-request">{t("console.refunds.request", { amount: amount(r.amount, r.currency), status: refundRequestLabel(r.status, locale) })}</li>)}
                    </ul>
                  </td>
                  <td className={tdClass}>
                    {p.refundable > 0 ? <RefundForm action={refundAction} paymentId={p.id} currency={p.currency} refundableLabel={amount(p.refundable, p.currency)} bundleSize={p.bundle.length} /> : <span className="text-sm text-slate-600">{t("console.refunds.refundedInFull")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}


