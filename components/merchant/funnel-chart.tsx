// The funnel picture: orders entering, then for each step how many reached it, what they did and
// how many left there. Server-rendered SVG with the same numbers in a table underneath.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { formatCount } from "@/lib/stats/format";
import type { FunnelFlowReport } from "@/lib/stats/service";
import { tableClass, tdClass, thClass } from "./ui";

const SEGMENTS = [
  { key: "accepted", color: "#059669" },
  { key: "declined", color: "#f59e0b" },
  { key: "failed", color: "#dc2626" },
  { key: "unanswered", color: "#94a3b8" },
  { key: "holdout", color: "#cbd5e1" },
] as const;

// A row's label: the step's number in the console's language, then its name as the merchant wrote it (cut to fit).
function RowLabel({ prefix, name }: { prefix: string; name: string }) {
  const room = 34 - (prefix ? prefix.length + 1 : 0);
  return (
    <text x={0} y={18} fontSize="12" fill="#334155">
      {prefix ? <tspan>{prefix} </tspan> : null}
      <tspan data-merchant-copy={prefix ? true : undefined}>{name.length > room ? `${name.slice(0, room - 1)}…` : name}</tspan>
    </text>
  );
}

export function FunnelChart({ flow }: { flow: FunnelFlowReport }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const segmentLabel = (key: (typeof SEGMENTS)[number]["key"]) => {
    switch (key) {
      case "accepted":
        return t("console.funnelChart.accepted");
      case "declined":
        return t("console.funnelChart.declined");
      case "failed":
        return t("console.funnelChart.failed");
      case "unanswered":
        return t("console.funnelChart.unanswered");
      case "holdout":
        return t("console.funnelChart.holdout");
    }
  };
  const rows = [{ key: "entering", prefix: "", name: t("console.funnelChart.entering"), total: flow.started }, ...flow.steps.map((s) => ({ key: s.stepId, prefix: t("console.funnelChart.stepNumber", { position: s.position }), name: s.name, total: s.reached }))];
  const max = Math.max(1, ...rows.map((r) => r.total));
  const W = 720;
  const rowH = 34;
  const labelW = 230;
  const barW = W - labelW - 60;
  const scale = (n: number) => (n / max) * barW;
  return (
    <div className="space-y-4">
      <svg viewBox={`0 0 ${W} ${rows.length * rowH + 8}`} className="h-auto w-full" role="img" aria-label={t("console.funnelChart.label", { name: flow.funnelName })}>
        {rows.map((row, i) => {
          const step = i === 0 ? null : flow.steps[i - 1]!;
          let x = labelW;
          return (
            <g key={row.key} transform={`translate(0 ${i * rowH + 4})`}>
              <RowLabel prefix={row.prefix} name={row.name} />
              {step ? (
                SEGMENTS.map((seg) => {
                  const w = scale(step[seg.key]);
                  const rect = <rect key={seg.key} x={x} y={4} width={w} height={20} fill={seg.color}><title>{t("console.funnelChart.segment", { label: segmentLabel(seg.key), count: formatCount(step[seg.key], locale) })}</title></rect>;
                  x += w;
                  return rect;
                })
              ) : (
                <rect x={labelW} y={4} width={scale(row.total)} height={20} fill="#7c3aed" />
              )}
              <text x={labelW + scale(row.total) + 6} y={18} fontSize="12" fill="#334155">{formatCount(row.total, locale)}</text>
            </g>
          );
        })}
      </svg>
      <div className="flex flex-wrap gap-4 text-xs text-slate-600">
        {SEGMENTS.map((s) => <span key={s.key} className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} />{segmentLabel(s.key)}</span>)}
      </div>
      <div className="overflow-x-auto">
        <table className={tableClass} data-testid="funnel-table">
          <thead><tr><th className={thClass}>{t("console.funnelChart.colStep")}</th><th className={thClass}>{t("console.funnelChart.colReached")}</th><th className={thClass}>{t("console.funnelChart.colAccepted")}</th><th className={thClass}>{t("console.funnelChart.colDeclined")}</th><th className={thClass}>{t("console.funnelChart.colFailed")}</th><th className={thClass}>{t("console.funnelChart.colUnanswered")}</th><th className={thClass}>{t("console.funnelChart.colHoldout")}</th><th className={thClass}>{t("console.funnelChart.colLeft")}</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {flow.steps.map((s) => (
              <tr key={s.stepId} data-testid="funnel-step-row">
                <td className={tdClass}>{t("console.funnelChart.stepNumber", { position: s.position })} <span data-merchant-copy>{s.name}</span></td>
                <td className={tdClass}>{formatCount(s.reached, locale)}</td>
                <td className={tdClass}>{formatCount(s.accepted, locale)}</td>
                <td className={tdClass}>{formatCount(s.declined, locale)}</td>
                <td className={tdClass}>{formatCount(s.failed, locale)}</td>
                <td className={tdClass}>{formatCount(s.unanswered, locale)}</td>
                <td className={tdClass}>{formatCount(s.holdout, locale)}</td>
                <td className={tdClass}>{formatCount(s.left, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
