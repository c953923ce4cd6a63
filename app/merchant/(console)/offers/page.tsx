import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, ButtonLink, EmptyState, linkClass, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { formatPrice } from "@/lib/catalog/format";
import { offerKindLabel } from "@/lib/offers/offer-kind-label";
import { listOffers } from "@/lib/offers/offer-admin";
import { offerReach } from "@/lib/offers/reach";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { Locale } from "@/lib/i18n/locales";
import { setOfferActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.offers.metaTitle") };
}

export default async function OffersPage() {
  await requireMerchant();
  const [offers, t, locale] = await Promise.all([listOffers(), getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <div>
      <PageHeader
        title={t("console.offers.title")}
        description={t("console.offers.description")}
        actions={offers.length ? <><ButtonLink href="/merchant/offers/test" variant="secondary">{t("console.offers.testAsCustomer")}</ButtonLink><ButtonLink href="/merchant/offers/new">{t("console.offers.new")}</ButtonLink></> : null}
      />
      {offers.length === 0 ? (
        <EmptyState title={t("console.offers.emptyTitle")} action={{ href: "/merchant/offers/new", label: t("console.offers.emptyAction") }}>
          {t("console.offers.emptyText")}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="offers-table">
            <thead className="bg-slate-50">
              <tr><th className={thClass}>{t("console.offers.colOffer")}</th><th className={thClass}>{t("console.offers.colKind")}</th><th className={thClass}>{t("console.offers.colOffers")}</th><th className={thClass}>{t("console.offers.colAfter")}</th><th className={thClass}>{t("console.offers.colStatus")}</th><th className={thClass}><span className="sr-only">{t("console.offers.colActions")}</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {offers.map((offer) => {
                const reach = offerReach(offer, offer._count.variants, locale);
                return (
                <tr key={offer.id} data-testid="offer-row">
                  <td className={tdClass}>
                    <Link href={`/merchant/offers/${offer.id}`} className={linkClass} data-merchant-copy>{offer.name}</Link>
                    <p className="text-xs text-slate-600" data-merchant-copy>{offer.headline}</p>
                  </td>
                  <td className={tdClass}><Badge tone="brand">{offerKindLabel(offer.kind, locale)}</Badge></td>
                  <td className={tdClass}>
                    <span data-merchant-copy>{[offer.offeredProduct.name, ...offer.bundleItems.map((i) => i.product.name)].join(" + ")}</span>
                    <p className="text-xs text-slate-600">{offer.bundleItems.length ? t("console.offers.bundleOf", { count: offer.bundleItems.length + 1 }) : formatPrice(offer.offeredProduct, locale)}{offer.discountBps ? t("console.offers.percentOff", { percent: offer.discountBps / 100 }) : ""}</p>
                  </td>
                  <td className={tdClass}>{offer.triggerProductIds.length ? t("console.offers.triggerCount", { count: offer.triggerProductIds.length }) : t("console.offers.anyPurchase")}</td>
                  <td className={tdClass}>
                    {offer.active ? <Badge tone="green">{t("console.offers.active")}</Badge> : <Badge>{t("console.offers.paused")}</Badge>}
                    <p className={`mt-1 max-w-xs text-xs ${reach.shown || !offer.active ? "text-slate-600" : "text-amber-700"}`} data-testid="offer-reach">{reach.summary}</p>
                  </td>
                  <td className={`${tdClass} text-right`}>
                    <div className="flex justify-end gap-2">
                      <Link href={`/merchant/offers/${offer.id}`} className="rounded-md px-3 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50">{t("console.offers.edit")}</Link>
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
