// The per-offer / per-variant stats table. The CSV export has exactly these lines and numbers.
import { OFFER_KIND_LABELS } from "@/lib/offers/offer-schema";
import { formatAmount, formatCount, formatInterval, formatPoints, formatRate, formatSignedAmount } from "@/lib/stats/format";
import type { Amount, LiftResult, OrderValue, StatsLine } from "@/lib/stats/report";
import { Badge, tdClass, thClass } from "./ui";

function Amounts({ list }: { list: Amount[] }) {
  if (!list.length) return <>—</>;
  return <>{list.map((a) => <div key={a.currency}>{formatAmount(a.amount, a.currency)}</div>)}</>;
}

/** What already came off the net revenue: refunds, and disputes lost or accepted. */
function GivenBack({ refunded, disputed }: { refunded: Amount[]; disputed: Amount[] }) {
  const parts = [
    ...refunded.filter((a) => a.amount > 0).map((a) => `${formatAmount(a.amount, a.currency)} refunded`),
    ...disputed.filter((a) => a.amount > 0).map((a) => `${formatAmount(a.amount, a.currency)} lost to disputes`),
  ];
  return parts.length ? <div className="text-xs text-slate-600" data-testid="given-back">after {parts.join(", ")}</div> : null;
}

/** Accepted offers' payments not counted yet: younger than the merchant's "count revenue after N days". */
function Pending({ list }: { list: Amount[] }) {
  const shown = list.filter((a) => a.amount !== 0);
  return shown.length ? <div className="text-xs text-slate-600" data-testid="pending-revenue">+ {shown.map((a) => formatAmount(a.amount, a.currency)).join(", ")} pending</div> : null;
}

function OrderValues({ list }: { list: OrderValue[] }) {
  if (!list.length) return <>—</>;
  return (
    <>
      {list.map((o) => (
        <div key={o.currency} className="whitespace-nowrap">
          {formatAmount(o.with, o.currency)} <span className="text-slate-600">vs</span> {formatAmount(o.without, o.currency)}
        </div>
      ))}
    </>
  );
}

function LiftCell({ list }: { list: LiftResult[] }) {
  if (!list.length) return <span className="text-slate-600">no holdout</span>;
  return (
    <>
      {list.map((l) => (
        <div key={l.currency} className="whitespace-nowrap">
          {l.revenue ? (
            <>
              <span className={l.revenue.difference.low > 0 ? "font-medium text-emerald-700" : undefined}>{formatSignedAmount(l.revenue.difference.estimate, l.currency)}/visit</span>
              <div className="text-xs text-slate-600">95% CI {formatInterval(l.revenue.difference, l.currency)}</div>
              {l.conversion ? <div className="text-xs text-slate-600">take-up {formatPoints(l.conversion.difference.estimate)}</div> : null}
            </>
          ) : (
            <span className="text-slate-600">too few visits ({l.holdoutVisits} held out)</span>
          )}
        </div>
      ))}
    </>
  );
}

const COLUMNS = ["Offer", "Impr.", "Accepts", "Declines", "Failures", "Expiries", "Take rate", "Revenue (net)", "Rev./impr.", "AOV with vs without", "Lift vs holdout"];

export function StatsTable({ lines, totals }: { lines: StatsLine[]; totals: { impressions: number; accepts: number; declines: number; failures: number; expiries: number; takeRate: number | null; revenue: Amount[]; revenuePerImpression: Amount[]; pending: Amount[] } }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-xs" data-testid="stats-table">
        <thead className="bg-slate-50"><tr>{COLUMNS.map((c) => <th key={c} className={thClass}>{c}</th>)}</tr></thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={`${l.offerId}:${l.variantId ?? ""}`} data-testid="stats-line" data-level={l.level} data-offer-id={l.offerId} data-variant={l.variantLabel ?? ""} className={l.level === "variant" ? "bg-slate-50/50" : undefined}>
              <td className={tdClass}>
                {l.level === "offer" ? (
                  <>
                    <span className="font-medium text-slate-900">{l.offerName}</span> <Badge tone="brand">{OFFER_KIND_LABELS[l.offerKind as keyof typeof OFFER_KIND_LABELS] ?? l.offerKind}</Badge>
                    {l.offerActive ? null : <> <Badge>Paused</Badge></>}
                  </>
                ) : (
                  <span className="pl-4 text-slate-600">Variant {l.variantLabel} <span className="text-slate-600">· {l.placement}</span></span>
                )}
              </td>
              <td className={tdClass} data-col="impressions">{formatCount(l.impressions)}</td>
              <td className={tdClass} data-col="accepts">{formatCount(l.accepts)}</td>
              <td className={tdClass} data-col="declines">{formatCount(l.declines)}</td>
              <td className={tdClass} data-col="failures">{formatCount(l.failures)}</td>
              <td className={tdClass} data-col="expiries">{formatCount(l.expiries)}</td>
              <td className={tdClass} data-col="take-rate">{formatRate(l.takeRate)}</td>
              <td className={tdClass} data-col="revenue"><Amounts list={l.revenue} /><GivenBack refunded={l.refunded} disputed={l.disputed} /><Pending list={l.pending} /></td>
              <td className={tdClass} data-col="rpi"><Amounts list={l.revenuePerImpression} /></td>
              <td className={tdClass} data-col="aov"><OrderValues list={l.orderValue} /></td>
              <td className={tdClass} data-col="lift"><LiftCell list={l.lift} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-50 font-medium">
          <tr data-testid="stats-total">
            <td className={tdClass}>All offers</td>
            <td className={tdClass} data-col="impressions">{formatCount(totals.impressions)}</td>
            <td className={tdClass} data-col="accepts">{formatCount(totals.accepts)}</td>
            <td className={tdClass} data-col="declines">{formatCount(totals.declines)}</td>
            <td className={tdClass} data-col="failures">{formatCount(totals.failures)}</td>
            <td className={tdClass} data-col="expiries">{formatCount(totals.expiries)}</td>
            <td className={tdClass} data-col="take-rate">{formatRate(totals.takeRate)}</td>
            <td className={tdClass} data-col="revenue"><Amounts list={totals.revenue} /><Pending list={totals.pending} /></td>
            <td className={tdClass} data-col="rpi"><Amounts list={totals.revenuePerImpression} /></td>
            <td className={tdClass} colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
