// The funnel picture: orders entering, then for each step how many reached it, what they did and
// how many left there. Server-rendered SVG with the same numbers in a table underneath.
import { formatCount } from "@/lib/stats/format";
import type { FunnelFlowReport } from "@/lib/stats/service";
import { tableClass, tdClass, thClass } from "./ui";

const SEGMENTS = [
  { key: "accepted", label: "Accepted", color: "#059669" },
  { key: "declined", label: "Declined", color: "#f59e0b" },
  { key: "failed", label: "Payment failed", color: "#dc2626" },
  { key: "unanswered", label: "No answer", color: "#94a3b8" },
  { key: "holdout", label: "Holdout (no offer)", color: "#cbd5e1" },
] as const;

export function FunnelChart({ flow }: { flow: FunnelFlowReport }) {
  const rows = [{ name: "Orders entering the funnel", total: flow.started }, ...flow.steps.map((s) => ({ name: `Step ${s.position}: ${s.name}`, total: s.reached }))];
  const max = Math.max(1, ...rows.map((r) => r.total));
  const W = 720;
  const rowH = 34;
  const labelW = 230;
  const barW = W - labelW - 60;
  const scale = (n: number) => (n / max) * barW;
  return (
    <div className="space-y-4">
      <svg viewBox={`0 0 ${W} ${rows.length * rowH + 8}`} className="h-auto w-full" role="img" aria-label={`Funnel ${flow.funnelName}`}>
        {rows.map((row, i) => {
          const step = i === 0 ? null : flow.steps[i - 1]!;
          let x = labelW;
          return (
            <g key={row.name} transform={`translate(0 ${i * rowH + 4})`}>
              <text x={0} y={18} fontSize="12" fill="#334155">{row.name.length > 34 ? `${row.name.slice(0, 33)}…` : row.name}</text>
              {step ? (
                SEGMENTS.map((seg) => {
                  const w = scale(step[seg.key]);
                  const rect = <rect key={seg.key} x={x} y={4} width={w} height={20} fill={seg.color}><title>{`${seg.label}: ${step[seg.key]}`}</title></rect>;
                  x += w;
                  return rect;
                })
              ) : (
                <rect x={labelW} y={4} width={scale(row.total)} height={20} fill="#7c3aed" />
              )}
              <text x={labelW + scale(row.total) + 6} y={18} fontSize="12" fill="#334155">{formatCount(row.total)}</text>
            </g>
          );
        })}
      </svg>
      <div className="flex flex-wrap gap-4 text-xs text-slate-600">
        {SEGMENTS.map((s) => <span key={s.key} className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} />{s.label}</span>)}
      </div>
      <div className="overflow-x-auto">
        <table className={tableClass} data-testid="funnel-table">
          <thead><tr><th className={thClass}>Step</th><th className={thClass}>Reached</th><th className={thClass}>Accepted</th><th className={thClass}>Declined</th><th className={thClass}>Failed</th><th className={thClass}>No answer</th><th className={thClass}>Holdout</th><th className={thClass}>Left here</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {flow.steps.map((s) => (
              <tr key={s.stepId} data-testid="funnel-step-row">
                <td className={tdClass}>Step {s.position}: {s.name}</td>
                <td className={tdClass}>{formatCount(s.reached)}</td>
                <td className={tdClass}>{formatCount(s.accepted)}</td>
                <td className={tdClass}>{formatCount(s.declined)}</td>
                <td className={tdClass}>{formatCount(s.failed)}</td>
                <td className={tdClass}>{formatCount(s.unanswered)}</td>
                <td className={tdClass}>{formatCount(s.holdout)}</td>
                <td className={tdClass}>{formatCount(s.left)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
