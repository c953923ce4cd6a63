import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfferForm } from "@/components/merchant/offer-form";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, Card, PageHeader } from "@/components/merchant/ui";
import { getOffer, offerFormValues } from "@/lib/offers/offer-admin";
import { offerReach } from "@/lib/offers/reach";
import type { IdPageProps } from "@/lib/http/page-props";
import { productOptions } from "@/lib/catalog/queries";
import { getMerchant, requireMerchant } from "@/lib/auth/merchant-session";
import { setOfferActiveAction, updateOfferAction } from "../actions";

/** The tab names the offer; a missing one (or a signed-out visitor) gets the 404's title. */
export async function generateMetadata({ params }: IdPageProps): Promise<Metadata> {
  const offer = (await getMerchant()) ? await getOffer((await params).id) : null;
  return { title: offer ? `${offer.name} · offer` : "Page not found" };
}

export default async function EditOfferPage({ params, searchParams }: IdPageProps) {
  await requireMerchant();
  const { id } = await params;
  const { saved } = await searchParams;
  const [offer, products] = await Promise.all([getOffer(id), productOptions()]);
  if (!offer) notFound();
  const reach = offerReach(offer, offer._count.variants);
  // Keep an archived offered product selectable so editing other fields still works.
  const options = products.some((p) => p.id === offer.offeredProductId)
    ? products
    : [...products, { id: offer.offeredProduct.id, name: `${offer.offeredProduct.name} (archived)`, kind: offer.offeredProduct.kind, priceLabel: "", currency: offer.offeredProduct.currency }];
  return (
    <div>
      <PageHeader
        title={offer.name}
        description={reach.summary}
        actions={<><span className="self-center">{offer.active ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>}</span><ToggleActive action={setOfferActiveAction} id={offer.id} active={offer.active} noun={offer.name} /></>}
      />
      {saved === "created" ? <p role="status" tabIndex={-1} data-focus-on-arrival className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="offer-created">Offer created. {reach.summary}</p> : null}
      <Card><OfferForm action={updateOfferAction} products={options} offerId={offer.id} initialValues={offerFormValues(offer)} submitLabel="Save offer" /></Card>
    </div>
  );
}
