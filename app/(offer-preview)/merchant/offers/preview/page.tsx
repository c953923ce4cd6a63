import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OfferPanel } from "@/components/offers/offer-panel";
import type { OfferActions } from "@/components/offers/actions";
import { BrandScope, StoreFooter, StoreHeader } from "@/components/store/store-chrome";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { SearchParams } from "@/lib/http/page-props";
import { firstParam } from "@/lib/http/page-props";
import { previewOfferView, readOfferDraft } from "@/lib/offers/preview";
import { storeBrand } from "@/lib/store/settings";
import { previewAcceptAction, previewNoopAction, previewStatusAction } from "./actions";

export const metadata: Metadata = { title: "Offer preview", robots: { index: false } };

const actions: OfferActions = { accept: previewAcceptAction, status: previewStatusAction, decline: previewNoopAction, checkout: previewNoopAction };
const HEADING = "preview-heading";

/**
 * What a customer sees on the thank-you page for the offer being edited: the store's own header
 * and footer and the real offer panel, framed by the offer editor at desktop and phone width
 * (frame-ancestors 'self' only: SELF_FRAMED_PATHS). Outside the console's layout on purpose.
 */
export default async function OfferPreviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  // Every field is one value, but a bundle's products repeat their parameter.
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, k === "bundleProductIds" ? v : firstParam(v)]));
  const now = new Date();
  const [offer, brand, t] = await Promise.all([previewOfferView(readOfferDraft(params), now), storeBrand(), getTranslations()]);
  return (
    <ClientMessages surface="store">
    <BrandScope brand={brand}>
      <StoreHeader brand={brand} customerEmail="customer@example.com" signOut={previewNoopAction} setLocale={previewNoopAction} />
      <main id="content" className="mx-auto max-w-5xl px-6 py-10">
        <div className="mx-auto max-w-2xl space-y-6">
          <h1 id={HEADING} tabIndex={-1} className="text-3xl font-bold tracking-tight">{t("thankYou.thanks")}</h1>
          {offer ? <OfferPanel offer={offer} actions={actions} serverNow={now} fallbackFocusId={HEADING} /> : <p className="text-slate-700" data-testid="preview-empty">{t("console.preview.empty")}</p>}
        </div>
      </main>
      <StoreFooter brand={brand} />
    </BrandScope>
    </ClientMessages>
  );
}
