import type { Metadata } from "next";
import Link from "next/link";
import { HoldoutForm, SaveOfferForm } from "@/components/merchant/save-offer-forms";
import { Card, EmptyState, PageHeader } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { formatPrice } from "@/lib/catalog/format";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import { CANCEL_REASONS } from "@/lib/retention/reasons";
import { listRetentionSetup } from "@/lib/retention/save-offers";
import { holdoutAction, saveOfferAction } from "./actions";

export const metadata: Metadata = { title: "Save offers" };

export default async function RetentionPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const ladders = await listRetentionSetup();
  // One ladder's forms at a time (eight reasons each); the others are a click away.
  const wanted = firstParam((await searchParams).ladder);
  const shown = ladders.find((l) => l.id === wanted) ?? ladders[0];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Save offers"
        description="What a subscriber sees after saying why they are cancelling: a cheaper plan, a pause, or another billing interval, per plan ladder and reason. “Cancel anyway” is always shown next to the offer. A holdout share sees no offer, so the stats can show the offers' lift."
      />
      {ladders.length === 0 ? (
        <EmptyState title="No plan ladders yet" action={{ href: "/merchant/products", label: "Create a plan ladder" }}>Save offers belong to a ladder of plans.</EmptyState>
      ) : null}
      {ladders.length > 1 ? (
        <nav aria-label="Plan ladders" className="flex flex-wrap gap-2 text-sm">
          {ladders.map((l) => (
            <Link key={l.id} href={`?${new URLSearchParams({ ladder: l.id })}`} aria-current={l.id === shown?.id ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${l.id === shown?.id ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}>
              {l.name} · {l.saveOffers.length} save offer{l.saveOffers.length === 1 ? "" : "s"}
            </Link>
          ))}
        </nav>
      ) : null}
      {(shown ? [shown] : []).map((ladder) => {
        const plans = ladder.products.filter((p) => p.planRank !== null).map((p) => ({ id: p.id, label: `${p.name} · ${formatPrice(p)}` }));
        return (
          <Card key={ladder.id} title={ladder.name}>
            <div data-testid="retention-ladder" data-ladder={ladder.name} className="space-y-4">
              <HoldoutForm key={ladder.id} action={holdoutAction} ladderId={ladder.id} holdoutPercent={String(ladder.retentionHoldoutBps / 100)} />
              <div className="divide-y divide-slate-100">
                {CANCEL_REASONS.map((reason) => {
                  const offer = ladder.saveOffers.find((o) => o.reason === reason);
                  return (
                    <SaveOfferForm key={`${ladder.id}-${reason}`} action={saveOfferAction} ladderId={ladder.id} reason={reason} plans={plans}
                      initialValues={{ kind: offer?.kind ?? "", targetProductId: offer?.targetProductId ?? "", pauseCycles: offer?.pauseCycles ? String(offer.pauseCycles) : "", discountPercent: offer?.discountBps ? String(offer.discountBps / 100) : "", discountCycles: offer?.discountCycles ? String(offer.discountCycles) : "", headline: offer?.headline ?? "" }} />
                  );
                })}
              </div>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
