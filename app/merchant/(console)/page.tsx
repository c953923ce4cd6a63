import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, Card, linkClass, PageHeader } from "@/components/merchant/ui";
import { getOverview } from "@/lib/stats/overview";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { formatAmount, formatCount, formatRate } from "@/lib/stats/format";

export const metadata: Metadata = { title: "Overview" };

function Step({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <li className="flex items-start gap-3 text-sm">
      <span className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs ${done ? "bg-emerald-100 text-emerald-700" : "bg-slate-100 text-slate-600"}`}>{done ? "✓" : "·"}</span>
      <span className={done ? "text-slate-600" : "text-slate-800"}>{children}</span>
    </li>
  );
}

export default async function OverviewPage() {
  await requireMerchant();
  const { setup, totals, orderValue, topOffers, range } = await getOverview();
  const ready = setup.products > 0 && setup.activeOffers > 0 && setup.funnelsWithSteps > 0;
  return (
    <div className="space-y-6">
      <PageHeader title="Overview" description={`Last 30 days (${range.fromDay} – ${range.toDay}).`} actions={<ButtonLink href="/merchant/stats" variant="secondary">Full stats</ButtonLink>} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card><p className="text-xs uppercase tracking-wide text-slate-600">Offers shown</p><p className="mt-1 text-2xl font-semibold">{formatCount(totals.impressions)}</p></Card>
        <Card><p className="text-xs uppercase tracking-wide text-slate-600">Take rate</p><p className="mt-1 text-2xl font-semibold">{formatRate(totals.takeRate)}</p><p className="text-xs text-slate-600">{formatCount(totals.accepts)} accepted</p></Card>
        <Card>
          <p className="text-xs uppercase tracking-wide text-slate-600">Revenue added</p>
          <div className="mt-1 text-2xl font-semibold">{totals.revenue.length ? totals.revenue.map((r) => <div key={r.currency}>{formatAmount(r.amount, r.currency)}</div>) : "—"}</div>
          {orderValue.map((o) => <p key={o.currency} className="text-xs text-slate-600">AOV {formatAmount(o.with, o.currency)} with offers vs {formatAmount(o.without, o.currency)} without</p>)}
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={ready ? "Set up" : "Get started"}>
          <ol className="space-y-3">
            <Step done={setup.products > 0}><Link href="/merchant/products" className="underline">Sync products</Link> from Dodo ({setup.products} active)</Step>
            <Step done={setup.activeOffers > 0}><Link href="/merchant/offers/new" className="underline">Create offers</Link> ({setup.activeOffers} active of {setup.offers})</Step>
            <Step done={setup.funnelsWithSteps > 0}><Link href="/merchant/funnels" className="underline">Arrange them in a funnel</Link> ({setup.activeFunnels} active)</Step>
          </ol>
        </Card>
        <Card title="Top offers">
          {topOffers.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {topOffers.map((o) => (
                <li key={o.offerId} className="flex justify-between py-2">
                  <Link href={`/merchant/offers/${o.offerId}`} className={linkClass}>{o.offerName}</Link>
                  <span className="text-slate-600">{formatRate(o.takeRate)} of {formatCount(o.impressions)}</span>
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-slate-600">No offers shown in the last 30 days.</p>}
        </Card>
      </div>
    </div>
  );
}
