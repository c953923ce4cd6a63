// Net revenue added over time, one bar chart per currency, drawn on the server as SVG.
import { formatAmount } from "@/lib/stats/format";
import type { RevenueSeries } from "@/lib/stats/service";

const W = 720;
const H = 200;
const PAD = { left: 72, right: 12, top: 12, bottom: 28 };

export function RevenueChart({ series }: { series: RevenueSeries }) {
  const max = Math.max(1, ...series.points.map((p) => p.amount));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, series.points.length);
  const barW = Math.max(1, step * 0.75);
  const y = (v: number) => PAD.top + innerH - (Math.max(0, v) / max) * innerH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const labelEvery = Math.ceil(series.points.length / 6);
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`Net revenue added per ${series.unit} in ${series.currency}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="10" fill="#64748b">{formatAmount(t, series.currency)}</text>
          </g>
        ))}
        {series.points.map((p, i) => (
          <g key={p.bucket}>
            <rect x={PAD.left + i * step + (step - barW) / 2} y={y(p.amount)} width={barW} height={Math.max(0, PAD.top + innerH - y(p.amount))} fill="#7c3aed" rx="1">
              <title>{`${p.bucket}: ${formatAmount(p.amount, series.currency)}`}</title>
            </rect>
            {i % labelEvery === 0 ? <text x={PAD.left + i * step + step / 2} y={H - 8} textAnchor="middle" fontSize="10" fill="#64748b">{p.bucket.slice(5)}</text> : null}
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-500">Net revenue added per {series.unit} ({series.currency}), by the day the offer was shown; refunds are subtracted.</figcaption>
    </figure>
  );
}
