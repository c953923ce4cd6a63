// Plan upgrades and downgrades on the stats page: totals, then by ladder and by where they started.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { directionLabel, type PlanChangeLine, type PlanChangeReport } from "@/lib/stats/plan-changes";
import { formatAmount, formatCount, formatSignedAmount } from "@/lib/stats/format";
import { tableClass, tdClass, thClass } from "./ui";

function useMrr() {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  return (amount: number, currency: string) => t("console.planChangeStats.perMonth", { amount: formatSignedAmount(amount, currency, locale) });
}

const COUNTS = ["sent", "applied", "scheduled", "failed", "awaiting", "kept"] as const;

function Lines({ lines, breakdown, groupHeader }: { lines: PlanChangeLine[]; breakdown: "ladder" | "origin"; groupHeader: string }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const mrr = useMrr();
  const headers = [groupHeader, t("console.planChangeStats.colDirection"), t("console.planChangeStats.colSent"), t("console.planChangeStats.colApplied"), t("console.planChangeStats.colScheduled"), t("console.planChangeStats.colFailed"), t("console.planChangeStats.colAwaiting"), t("console.planChangeStats.colKept"), t("console.planChangeStats.colCharged"), t("console.planChangeStats.colMrr"), t("console.planChangeStats.colMrrScheduled")];
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid={`plan-changes-by-${breakdown}`}>
        <caption className="mb-2 text-left text-sm font-medium text-slate-800">{breakdown === "ladder" ? t("console.planChangeStats.byLadder") : t("console.planChangeStats.byOrigin")}</caption>
        <thead className="bg-slate-50">
          <tr>
            {headers.map((c) => <th key={c} scope="col" className={thClass}>{c}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={`${l.group}:${l.direction}:${l.currency}`} data-testid="plan-change-line" data-group={l.groupLabel} data-direction={l.direction ?? ""} data-currency={l.currency}>
              {/* A ladder's name is the merchant's; an origin's is ours. */}
              <th scope="row" className={`${tdClass} text-left font-medium`} data-merchant-copy={breakdown === "ladder" || undefined}>{l.groupLabel}</th>
              <td className={tdClass}>{l.direction ? directionLabel(l.direction, locale) : "—"}</td>
              {COUNTS.map((c) => <td key={c} className={tdClass} data-col={c}>{formatCount(l[c], locale)}</td>)}
              <td className={tdClass} data-col="charged">{formatAmount(l.chargedNow, l.currency, locale)}</td>
              <td className={tdClass} data-col="mrr">{mrr(l.mrrApplied, l.currency)}</td>
              <td className={tdClass} data-col="mrr-scheduled">{mrr(l.mrrScheduled, l.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlanChangeStats({ report, csvHref }: { report: PlanChangeReport; csvHref: string }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const mrr = useMrr();
  if (report.totals.length === 0) return <p className="text-sm text-slate-600" data-testid="plan-changes-empty">{t("console.planChangeStats.empty")}</p>;
  return (
    <div className="space-y-6">
      {report.totals.map((total) => (
        <dl key={total.currency} className="grid gap-4 sm:grid-cols-4" data-testid="plan-change-totals" data-currency={total.currency}>
          <div><dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("console.planChangeStats.upgrades")}</dt><dd className="text-xl font-semibold" data-col="upgrades">{formatCount(total.upgrades, locale)}</dd></div>
          <div><dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("console.planChangeStats.downgrades")}</dt><dd className="text-xl font-semibold" data-col="downgrades">{formatCount(total.downgrades, locale)}</dd></div>
          <div><dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("console.planChangeStats.chargedNow", { currency: total.currency })}</dt><dd className="text-xl font-semibold" data-col="charged">{formatAmount(total.chargedNow, total.currency, locale)}</dd></div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("console.planChangeStats.mrr")}</dt>
            <dd className="text-xl font-semibold" data-col="mrr">{mrr(total.mrrApplied, total.currency)}</dd>
            {total.mrrScheduled ? <dd className="text-xs text-slate-600" data-col="mrr-scheduled">{t("console.planChangeStats.mrrMore", { amount: mrr(total.mrrScheduled, total.currency) })}</dd> : null}
          </div>
        </dl>
      ))}
      <Lines lines={report.byLadder} breakdown="ladder" groupHeader={t("console.planChangeStats.colLadder")} />
      <Lines lines={report.byOrigin} breakdown="origin" groupHeader={t("console.planChangeStats.colOrigin")} />
      <p className="text-xs text-slate-600">
        {t("console.planChangeStats.footnote")} <a href={csvHref} className="text-brand-700 underline" data-testid="plan-changes-csv-link">{t("console.planChangeStats.exportCsv")}</a>
      </p>
    </div>
  );
}
