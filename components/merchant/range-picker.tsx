// Date-range controls for the stats page: presets plus a from/to form (plain GET, no client JS).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { lastDays, type DateRange } from "@/lib/stats/range";
import { inputClass } from "./fields";

export function RangePicker({ range, extra = {} }: { range: DateRange; extra?: Record<string, string> }) {
  const t = useTranslations();
  const presets = [7, 30, 90, 365].map((days) => ({ days, range: lastDays(days) }));
  const href = (r: DateRange) => `?${new URLSearchParams({ ...extra, from: r.fromDay, to: r.toDay })}`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex overflow-hidden rounded-md border border-slate-300 bg-white text-sm shadow-sm">
        {presets.map((p) => {
          const active = p.range.fromDay === range.fromDay && p.range.toDay === range.toDay;
          return <Link key={p.days} href={href(p.range)} className={`border-r border-slate-200 px-3 py-2 last:border-r-0 ${active ? "bg-brand-50 font-medium text-brand-700" : "hover:bg-slate-50"}`}>{p.days === 365 ? t("console.range.year") : t("console.range.days", { count: p.days })}</Link>;
        })}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("console.range.label")}>
        {Object.entries(extra).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <label className="text-xs text-slate-600">{t("console.range.from")}<input type="date" name="from" defaultValue={range.fromDay} className={`${inputClass} mt-1`} /></label>
        <label className="text-xs text-slate-600">{t("console.range.to")}<input type="date" name="to" defaultValue={range.toDay} className={`${inputClass} mt-1`} /></label>
        <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium shadow-sm hover:bg-slate-50">{t("console.range.apply")}</button>
      </form>
    </div>
  );
}
