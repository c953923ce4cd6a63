import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { MomentTargetForm } from "@/components/merchant/moment-target-forms";
import { OfferForm } from "@/components/merchant/offer-form";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, Card, PageHeader } from "@/components/merchant/ui";
import { momentTargets } from "@/lib/offers/moment-admin";
import { getOffer, offerFormValues } from "@/lib/offers/offer-admin";
import { offerReach } from "@/lib/offers/reach";
import type { IdPageProps } from "@/lib/http/page-props";
import { productOptions } from "@/lib/catalog/queries";
import { getMerchant, requireMerchant } from "@/lib/auth/merchant-session";
import { removeMomentTargetAction, setMomentTargetAction, setOfferActiveAction, updateOfferAction } from "../actions";

/** The tab names the offer; a missing one (or a signed-out visitor) gets the 404's title. */
export async function generateMetadata({ params }: IdPageProps): Promise<Metadata> {
  const offer = (await getMerchant()) ? await getOffer((await params).id) : null;
  const t = await getTranslations();
  return { title: offer ? t("console.offerPage.metaTitle", { name: offer.name }) : t("console.notFound.metaTitle") };
}

export default async function EditOfferPage({ params, searchParams }: IdPageProps) {
  await requireMerchant();
  const { id } = await params;
  const { saved } = await searchParams;
  const locale = (await getLocale()) as Locale;
  const [offer, products, moments, t] = await Promise.all([getOffer(id), productOptions(locale), momentTargets(id), getTranslations()]);
  if (!offer) notFound();
  const reach = offerReach(offer, offer._count.variants, locale);
  // Keep an archived offered product selectable so editing other fields still works.
  const options = products.some((p) => p.id === offer.offeredProductId)
    ? products
    : [...products, { id: offer.offeredProduct.id, name: t("console.offerPage.archived", { name: offer.offeredProduct.name }), kind: offer.offeredProduct.kind, priceLabel: "", currency: offer.offeredProduct.currency }];
  return (
    <div>
      <PageHeader
        title={offer.name}
        titleIsMerchantCopy
        description={reach.summary}
        actions={<><span className="self-center">{offer.active ? <Badge tone="green">{t("console.offerPage.active")}</Badge> : <Badge>{t("console.offerPage.paused")}</Badge>}</span><ToggleActive action={setOfferActiveAction} id={offer.id} active={offer.active} noun={offer.name} /></>}
      />
      {saved === "created" ? <p role="status" tabIndex={-1} data-focus-on-arrival className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="offer-created">{t("console.offerPage.created", { reach: reach.summary })}</p> : null}
      <Card><OfferForm action={updateOfferAction} products={options} offerId={offer.id} initialValues={offerFormValues(offer)} submitLabel={t("console.offerPage.save")} /></Card>
      <Card title={t("console.offerPage.inYourApp")} className="mt-6">
        <p className="mb-3 text-sm text-slate-700">
          {t.rich("console.offerPage.inYourAppText", { code: (chunks) => <code>{chunks}</code> })}
        </p>
        {moments.length === 0 ? <p className="mb-3 text-sm text-slate-600" data-testid="no-moments">{t("console.offerPage.noMoments")}</p> : (
          <ul className="mb-4 divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="moment-targets">
            {moments.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span><span className="font-medium">{m.name}</span>{m.lines.length ? <span className="text-slate-600"> · {m.lines.join(" · ")}</span> : <span className="text-slate-600">{t("console.offerPage.anyProperties")}</span>}</span>
                <form action={removeMomentTargetAction}>
                  <input type="hidden" name="id" value={offer.id} />
                  <input type="hidden" name="targetId" value={m.id} />
                  <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs" aria-label={t("console.offerPage.stopShowing", { name: m.name })}>{t("console.offerPage.remove")}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <MomentTargetForm action={setMomentTargetAction} offerId={offer.id} />
      </Card>
    </div>
  );
}
