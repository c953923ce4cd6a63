// The per-offer / per-variant stats table. The CSV export has exactly these lines and numbers.
import { useLocale, useTranslations } from "next-intl";
import type { OfferKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import { offerKindLabel } from "@/lib/offers/offer-kind-label";
import { formatAmount, formatCount, formatInterval, formatPoints, formatRate, formatSignedAmount } from "@/lib/stats/format";
import type { Amount, LiftResult, OrderValue, StatsLine } from "@/lib/stats/report";
import { Badge, tdClass, thClass } from "./ui";

function Amounts({ list }: { list: Amount[] }) {
  const locale = useLocale() as Locale;
  if (!list.length) return <>—</>;
  return <>{list.map((a) => <div key={a.currency}>{formatAmount(a.amount, a.currency, locale)}</div>)}</>;
}

/** What already came off the net revenue: refunds, and disputes lost or accepted. */
function GivenBack({ refunded, disputed }: { refunded: Amount[]; disputed: Amount[] }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const parts = [
    ...refunded.filter((a) => a.amount > 0).map((a) => t("console.statsTable.refunded", { amount: formatAmount(a.amount, a.currency, locale) })),
    ...disputed.filter((a) => a.amount > 0).map((a) => t("console.statsTable.disputed", { amount: formatAmount(a.amount, a.currency, locale) })),
  ];
  return parts.length ? <div className="text-xs text-slate-600" data-testid="given-back">{t("console.statsTable.givenBack", { parts: parts.join(", ") })}</div> : null;
}

/** Accepted offers' payments not counted yet: younger than the merchant's "count revenue after N days". */
function Pending({ list }: { list: Amount[] }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const shown = list.filter((a) => a.amount !== 0);
  return shown.length ? <div className="text-xs text-slate-600" data-testid="pending-revenue">{t("console.statsTable.pending", { amounts: shown.map((a) => formatAmount(a.amount, a.currency, locale)).join(", ") })}</div> : null;
}

function OrderValues({ list }: { list: OrderValue[] }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  if (!list.length) return <>—</>;
  return (
    <>
      {list.map((o) => (
        <div key={o.currency} className="whitespace-nowrap">
          {formatAmount(o.with, o.currency, locale)} <span className="text-slate-600">{t("console.statsTable.versus")}</span> {formatAmount(o.without, o.currency, locale)}
        </div>
      ))}
    </>
  );
}

function LiftCell({ list }: { list: LiftResult[] }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  if (!list.length) return <span className="text-slate-600">{t("console.statsTable.noHoldout")}</span>;
  return (
    <>
      {list.map((l) => (
        <div key={l.currency} className="whitespace-nowrap">
          {l.revenue ? (
            <>
              <span className={l.revenue.difference.low > 0 ? "font-medium text-emerald-700" : undefined}>{t("console.statsTable.perVisit", { amount: formatSignedAmount(l.revenue.difference.estimate, l.currency, locale) })}</span>
              <div className="text-xs text-slate-600">{t("console.statsTable.confidence", { interval: formatInterval(l.revenue.difference, l.currency, locale) })}</div>
              {l.conversion ? <div className="text-xs text-slate-600">{t("console.statsTable.takeUp", { points: formatPoints(l.conversion.difference.estimate, locale) })}</div> : null}
            </>
          ) : (
            <span className="text-slate-600">{t("console.statsTable.tooFew", { count: formatCount(l.holdoutVisits, locale) })}</span>
          )}
        </div>
      ))}
    </>
  );
}

export function StatsTable({ lines, totals }: { lines: StatsLine[]; totals: { impressions: number; accepts: number; declines: number; failures: number; expiries: number; takeRate: number | null; revenue: Amount[]; revenuePerImpression: Amount[]; pending: Amount[] } }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const columns = [t("console.statsTable.colOffer"), t("console.statsTable.colImpressions"), t("console.statsTable.colAccepts"), t("console.statsTable.colDeclines"), t("console.statsTable.colFailures"), t("console.statsTable.colExpiries"), t("console.statsTable.colTakeRate"), t("console.statsTable.colRevenue"), t("console.statsTable.colRpi"), t("console.statsTable.colAov"), t("console.statsTable.colLift")];
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-xs" data-testid="stats-table">
        <thead className="bg-slate-50"><tr>{columns.map((c) => <th key={c} className={thClass}>{c}</th>)}</tr></thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={`${l.offerId}:${l.variantId ?? ""}`} data-testid="stats-line" data-level={l.level} data-offer-id={l.offerId} data-variant={l.variantLabel ?? ""} className={l.level === "variant" ? "bg-slate-50/50" : undefined}>
              <td className={tdClass}>
                {l.level === "offer" ? (
                  <>
                    <span className="font-medium text-slate-900" data-merchant-copy>{l.offerName}</span> <Badge tone="brand">{offerKindLabel(l.offerKind as OfferKind, locale)}</Badge>
                    {l.offerActive ? null : <> <Badge>{t("console.statsTable.paused")}</Badge></>}
                  </>
                ) : (
                  <span className="pl-4 text-slate-600">{t("console.statsTable.variant", { label: l.variantLabel ?? "" })} <span className="text-slate-600">· <span data-merchant-copy>{l.placement}</span></span></span>
                )}
              </td>
              <td className={tdClass} data-col="impressions">{formatCount(l.impressions, locale)}</td>
              <td className={tdClass} data-col="accepts">{formatCount(l.accepts, locale)}</td>
              <td className={tdClass} data-col="declines">{formatCount(l.declines, locale)}</td>
              <td className={tdClass} data-col="failures">{formatCount(l.failures, locale)}</td>
              <td className={tdClass} data-col="expiries">{formatCount(l.expiries, locale)}</td>
              <td className={tdClass} data-col="take-rate">{formatRate(l.takeRate, locale)}</td>
              <td className={tdClass} data-col="revenue"><Amounts list={l.revenue} /><GivenBack refunded={l.refunded} disputed={l.disputed} /><Pending list={l.pending} /></td>
              <td className={tdClass} data-col="rpi"><Amounts list={l.revenuePerImpression} /></td>
              <td className={tdClass} data-col="aov"><OrderValues list={l.orderValue} /></td>
              <td className={tdClass} data-col="lift"><LiftCell list={l.lift} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-50 font-medium">
          <tr data-testid="stats-total">
            <td className={tdClass}>{t("console.statsTable.allOffers")}</td>
            <td className={tdClass} data-col="impressions">{formatCount(totals.impressions, locale)}</td>
            <td className={tdClass} data-col="accepts">{formatCount(totals.accepts, locale)}</td>
            <td className={tdClass} data-col="declines">{formatCount(totals.declines, locale)}</td>
            <td className={tdClass} data-col="failures">{formatCount(totals.failures, locale)}</td>
            <td className={tdClass} data-col="expiries">{formatCount(totals.expiries, locale)}</td>
            <td className={tdClass} data-col="take-rate">{formatRate(totals.takeRate, locale)}</td>
            <td className={tdClass} data-col="revenue"><Amounts list={totals.revenue} /><Pending list={totals.pending} /></td>
            <td className={tdClass} data-col="rpi"><Amounts list={totals.revenuePerImpression} /></td>
            <td className={tdClass} colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
