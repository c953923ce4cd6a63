import type { Metadata } from "next";
import { RefundForm } from "@/components/merchant/refund-form";
import { Badge, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { formatMoney, money } from "@/lib/money/money";
import { offerPurchases } from "@/lib/refunds/refund";
import { refundAction } from "./actions";

export const metadata: Metadata = { title: "Refunds" };

const REQUEST_LABEL = { SUBMITTED: "sending", MADE: "sent to Dodo", REFUSED: "refused by Dodo", UNKNOWN: "confirming with Dodo", NOT_MADE: "not made (Dodo has no such refund)" } as const;

/** Offer purchases, newest first: what was paid, refunded and disputed, and a refund form while something is left. */
export default async function RefundsPage() {
  await requireMerchant();
  const purchases = await offerPurchases();
  return (
    <div className="space-y-6">
      <PageHeader title="Refunds" description="Refund an offer purchase in full or in part through Dodo. Refunds and disputes come off the offer stats." />
      {purchases.length === 0 ? <EmptyState title="No offer purchases yet">Accepted offers appear here once paid.</EmptyState> : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="offer-purchases">
            <thead className="bg-slate-50"><tr><th className={thClass}>Purchase</th><th className={thClass}>Paid</th><th className={thClass}>Refunds and disputes</th><th className={thClass}>Refund</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {purchases.map((p) => (
                <tr key={p.id} data-testid="offer-purchase" data-payment-id={p.id}>
                  <td className={tdClass}><span className="font-medium">{p.impression?.offer?.name ?? "Offer"}</span>{p.bundle.length ? <p className="text-sm" data-testid="purchase-bundle">Bundle: {p.bundle.join(" + ")}</p> : null}<p className="text-xs text-slate-600">{p.customer.email} · {p.dodoCreatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</p><p className="font-mono text-xs text-slate-600">{p.id}</p></td>
                  <td className={tdClass}>{formatMoney(money(p.totalAmount, p.currency))}</td>
                  <td className={tdClass}>
                    <ul className="space-y-1 text-sm" data-testid="refund-list">
                      {p.refunds.map((r) => <li key={r.id}>Refund {formatMoney(money(r.amount, r.currency))} <Badge tone={r.status === "succeeded" ? "green" : r.status === "failed" ? "red" : "amber"}>{r.status}</Badge>{r.reason ? <span className="text-slate-600"> — {r.reason}</span> : null}</li>)}
                      {p.disputes.map((d) => <li key={d.id}>Dispute {formatMoney(money(d.amount, d.currency))} <Badge tone="red">{d.status.replace(/_/g, " ")}</Badge></li>)}
                      {p.requests.filter((r) => r.status !== "MADE").slice(0, 3).map((r) => <li key={r.id} data-testid="refund-request">Request {formatMoney(money(r.amount, r.currency))}: {REQUEST_LABEL[r.status]}</li>)}
                    </ul>
                  </td>
                  <td className={tdClass}>
                    {p.refundable > 0 ? <RefundForm action={refundAction} paymentId={p.id} currency={p.currency} refundableLabel={formatMoney(money(p.refundable, p.currency))} bundleSize={p.bundle.length} /> : <span className="text-sm text-slate-600">Refunded in full</span>}
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


