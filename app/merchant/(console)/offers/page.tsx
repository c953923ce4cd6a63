import type { Metadata } from "next";
import Link from "next/link";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, ButtonLink, EmptyState, linkClass, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { formatPrice } from "@/lib/catalog/format";
import { OFFER_KIND_LABELS } from "@/lib/offers/offer-schema";
import { listOffers } from "@/lib/offers/offer-admin";
import { offerReach } from "@/lib/offers/reach";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { setOfferActiveAction } from "./actions";

export const metadata: Metadata = { title: "Offers" };

export default async function OffersPage() {
  await requireMerchant();
  const offers = await listOffers();
  return (
    <div>
      <PageHeader
        title="Offers"
        description="What customers are offered: after checkout through a funnel (which decides the order and what follows an accept, a decline or a failed payment), and cross-sells on customers' account pages."
        actions={offers.length ? <><ButtonLink href="/merchant/offers/test" variant="secondary">Test as a customer</ButtonLink><ButtonLink href="/merchant/offers/new">New offer</ButtonLink></> : null}
      />
      {offers.length === 0 ? (
        <EmptyState title="No offers yet" action={{ href: "/merchant/offers/new", label: "Create your first offer" }}>
          An upsell offers more after a purchase; a downsell offers something cheaper when the upsell is declined.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="offers-table">
            <thead className="bg-slate-50">
              <tr><th className={thClass}>Offer</th><th className={thClass}>Kind</th><th className={thClass}>Offers</th><th className={thClass}>After</th><th className={thClass}>Status</th><th className={thClass}><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {offers.map((offer) => {
                const reach = offerReach(offer, offer._count.variants);
                return (
                <tr key={offer.id} data-testid="offer-row">
                  <td className={tdClass}>
                    <Link href={`/merchant/offers/${offer.id}`} className={linkClass}>{offer.name}</Link>
                    <p className="text-xs text-slate-600">{offer.headline}</p>
                  </td>
                  <td className={tdClass}><Badge tone="brand">{OFFER_KIND_LABELS[offer.kind]}</Badge></td>
                  <td className={tdClass}>
                    {[offer.offeredProduct.name, ...offer.bundleItems.map((i) => i.product.name)].join(" + ")}
                    <p className="text-xs text-slate-600">{offer.bundleItems.length ? `Bundle of ${offer.bundleItems.length + 1}` : formatPrice(offer.offeredProduct)}{offer.discountBps ? ` · ${offer.discountBps / 100}% off` : ""}</p>
                  </td>
                  <td className={tdClass}>{offer.triggerProductIds.length ? `${offer.triggerProductIds.length} product${offer.triggerProductIds.length > 1 ? "s" : ""}` : "Any purchase"}</td>
                  <td className={tdClass}>
                    {offer.active ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>}
                    <p className={`mt-1 max-w-xs text-xs ${reach.shown || !offer.active ? "text-slate-600" : "text-amber-700"}`} data-testid="offer-reach">{reach.summary}</p>
                  </td>
                  <td className={`${tdClass} text-right`}>
                    <div className="flex justify-end gap-2">
                      <Link href={`/merchant/offers/${offer.id}`} className="rounded-md px-3 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50">Edit</Link>
                      <ToggleActive action={setOfferActiveAction} id={offer.id} active={offer.active} noun={offer.name} />
                    </div>
                  </td>
                </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
