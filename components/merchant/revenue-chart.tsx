// Net revenue added over time, one bar chart per currency, drawn on the server as SVG. The y axis
// ticks at round amounts; today's bar (still filling up) is labelled.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { barLabels, niceTicks } from "@/lib/stats/chart";
import { formatAmount } from "@/lib/stats/format";
import type { RevenueSeries } from "@/lib/stats/service";

const W = 720;
const H = 200;
const PAD = { left: 72, right: 12, top: 12, bottom: 28 };
// slate-600 on white: 7.6:1, so the small axis text clears WCAG AA (4.5:1).
const AXIS_TEXT = "#475569";

export function RevenueChart({ series }: { series: RevenueSeries }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const ticks = niceTicks(Math.max(0, ...series.points.map((p) => p.amount)));
  const top = Math.max(1, ticks.at(-1)!);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, series.points.length);
  const barW = Math.max(1, step * 0.75);
  const y = (v: number) => PAD.top + innerH - (Math.max(0, v) / top) * innerH;
  const todayLabel = series.unit === "day" ? t("console.revenueChart.today") : t("console.revenueChart.thisWeek");
  const labels = barLabels(series.points.map((p) => p.bucket), series.todayBucket, { todayLabel, format: (bucket) => bucket.slice(5) });
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={series.unit === "day" ? t("console.revenueChart.labelDay", { currency: series.currency }) : t("console.revenueChart.labelWeek", { currency: series.currency })} data-testid="revenue-chart">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="10" fill={AXIS_TEXT} data-testid="chart-tick">{formatAmount(tick, series.currency, locale)}</text>
          </g>
        ))}
        {series.points.map((p, i) => {
          const today = p.bucket === series.todayBucket;
          return (
            <rect key={p.bucket} x={PAD.left + i * step + (step - barW) / 2} y={y(p.amount)} width={barW} height={Math.max(0, PAD.top + innerH - y(p.amount))} fill="#7c3aed" rx="1" data-today={today || undefined}>
              <title>{today ? t("console.revenueChart.soFar", { period: todayLabel, amount: formatAmount(p.amount, series.currency, locale) }) : t("console.revenueChart.bar", { bucket: p.bucket, amount: formatAmount(p.amount, series.currency, locale) })}</title>
            </rect>
          );
        })}
        {labels.map((l) => (
          <text key={l.index} x={PAD.left + l.index * step + step / 2} y={H - 8} textAnchor="middle" fontSize="10" fill={AXIS_TEXT} fontWeight={l.text === todayLabel ? 600 : undefined} data-testid="chart-label">{l.text}</text>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">{series.unit === "day" ? t("console.revenueChart.captionDay", { currency: series.currency }) : t("console.revenueChart.captionWeek", { currency: series.currency })}</figcaption>
    </figure>
  );
}
