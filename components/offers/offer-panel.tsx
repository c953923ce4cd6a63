import { useLocale } from "next-intl";
import { formatPrice } from "@/lib/catalog/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import { copyFor } from "@/lib/offers/copy";
import { badgeText } from "@/lib/offers/social-proof-rules";
import type { OfferView } from "@/lib/offers/view";
import { formatMoney } from "@/lib/money/money";
import type { OfferActions } from "./actions";
import { AcceptButton } from "./accept-button";
import { CheckoutFallback } from "./checkout-fallback";
import { Countdown, OfferClock } from "./countdown";
import { DeclineButton } from "./decline-button";
import { OfferQuantity, QuantitySelect } from "./quantity";
import { FocusTarget } from "@/components/focus-handoff";
import { NEXT_OFFER_TARGET } from "@/components/focus-targets";
import { PlanValueLists } from "@/components/store/plan-value";


function eyebrow(offer: OfferView, t: Translator): string {
  switch (offer.kind) {
    case "UPSELL":
      return t("offers.eyebrow.upsell");
    case "DOWNSELL":
      // "Instead" only when the customer just turned something down.
      return offer.followsRefusal ? t("offers.eyebrow.downsellInstead") : t("offers.eyebrow.upsell");
    case "CROSS_SELL":
      return t("offers.eyebrow.crossSell");
    case "UPGRADE":
      return t("offers.eyebrow.upgrade");
  }
}

function pricing(offer: OfferView, t: Translator, locale: Locale) {
  const recurring = { billingInterval: offer.product.billingInterval, billingIntervalCount: offer.product.billingIntervalCount };
  const price = formatPrice({ priceAmount: offer.price.amount, currency: offer.price.currency, ...recurring }, locale);
  const saving = offer.listPrice.amount - offer.price.amount;
  if (saving <= 0) return { price, list: null, saving: null };
  const percent = Math.round((saving / offer.listPrice.amount) * 100);
  return { price, list: formatMoney(offer.listPrice, locale), saving: t("offers.saving", { amount: formatMoney({ amount: saving, currency: offer.price.currency }, locale), percent }) };
}

/** A bundle: each product with its picture and own price, then the one price for all of them and the saving. */
function BundleContents({ offer, price, list, saving, t, locale }: { offer: OfferView; price: string; list: string | null; saving: string | null; t: Translator; locale: Locale }) {
  const count = offer.bundle.length;
  return (
    <div className="mt-4 rounded-lg bg-slate-50 p-4" data-testid="offer-bundle">
      <p className="font-semibold" data-testid="offer-product">{t("offers.bundle.heading", { count })}</p>
      <ul className="mt-3 divide-y divide-slate-200" aria-label={t("offers.bundle.listLabel")}>
        {offer.bundle.map((item) => (
          <li key={item.id} className="flex items-center gap-3 py-2" data-testid="bundle-item">
            {/* eslint-disable-next-line @next/next/no-img-element -- an image URL on an allowed origin (lib/store/images.ts) */}
            {item.imageUrl ? <img src={item.imageUrl} alt={item.name} className="h-14 w-14 shrink-0 rounded-md object-cover" data-testid="bundle-item-image" /> : <span aria-hidden="true" className="h-14 w-14 shrink-0 rounded-md bg-slate-200" />}
            <span className="min-w-0 flex-1">
              <span className="block font-medium break-words" data-merchant-copy>{item.name}</span>
              {item.description ? <span className="block text-sm text-slate-700" data-merchant-copy>{item.description}</span> : null}
            </span>
            <span className="shrink-0 whitespace-nowrap text-sm text-slate-700" data-testid="bundle-item-price">{formatMoney(item.listPrice, locale)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xl font-bold" data-testid="offer-price">
        <span className="text-base font-medium">{t("offers.bundle.allFor", { count })} </span>{price}
        {list ? <s className="ml-2 text-base font-normal text-slate-600"><span className="sr-only">{t("offers.insteadOf")} </span>{list}</s> : null}
      </p>
      {saving ? <p className="text-sm font-medium text-green-800" data-testid="offer-saving">{saving}</p> : null}
    </div>
  );
}

/**
 * One offer: what it is, what it costs, which card pays, how long it stays open (a live
 * countdown), accept in one click or decline. `fallbackFocusId` is the page heading that takes
 * keyboard focus when the offer goes away and nothing replaces it.
 */
export function OfferPanel({ offer, actions, serverNow, fallbackFocusId }: { offer: OfferView; actions: OfferActions; serverNow: Date; fallbackFocusId: string }) {
  const locale = useLocale();
  const t = translator(locale);
  const { price, list, saving } = pricing(offer, t, locale);
  const copy = copyFor(offer, offer.copies, locale);
  const headingId = `offer-title-${offer.impressionId}`;
  return (
    <section data-testid="offer" data-offer-kind={offer.kind} aria-labelledby={headingId} className="rounded-2xl border-2 border-brand-500 bg-white p-6 shadow-sm">
      <OfferClock expiresAt={offer.expiresAt.toISOString()} serverNow={serverNow.toISOString()}>
      <OfferQuantity max={offer.charge ? 1 : offer.maxQuantity} unit={offer.price} unitText={price}>
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700" data-testid="offer-eyebrow">{eyebrow(offer, t)}</p>
        {offer.badge ? <p className="mt-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="offer-badge" data-merchant-copy={offer.badge.kind === "merchant" ? "" : undefined}>{badgeText(offer.badge, locale)}</p> : null}
        <FocusTarget id={NEXT_OFFER_TARGET} as="h2" className="mt-1 text-2xl font-bold">
          <span id={headingId} lang={copy.locale} data-merchant-copy>{copy.headline}</span>
        </FocusTarget>
        {copy.body ? <p className="mt-2 text-slate-700" lang={copy.locale} data-merchant-copy>{copy.body}</p> : null}
        {offer.bundle.length ? <BundleContents offer={offer} price={price} list={list} saving={saving} t={t} locale={locale} /> : (
        <div className="mt-4 flex flex-col gap-4 rounded-lg bg-slate-50 p-4 sm:flex-row">
          {/* eslint-disable-next-line @next/next/no-img-element -- an image URL on an allowed origin (lib/store/images.ts); next/image would need every host in next.config */}
          {offer.imageUrl ? <img src={offer.imageUrl} alt={offer.product.name} className="h-40 w-full rounded-md object-cover sm:h-28 sm:w-28" data-testid="offer-image" /> : null}
          <div className="min-w-0 flex-1">
          <p className="font-semibold" data-testid="offer-product" data-merchant-copy>{offer.product.name}</p>
          {offer.product.description ? <p className="text-sm text-slate-700" data-merchant-copy>{offer.product.description}</p> : null}
          <p className="mt-2 text-xl font-bold" data-testid="offer-price">
            {price}
            {list ? <s className="ml-2 text-base font-normal text-slate-600"><span className="sr-only">{t("offers.insteadOf")} </span>{list}</s> : null}
          </p>
          {saving ? <p className="text-sm font-medium text-green-800">{saving}</p> : null}
          <PlanValueLists gains={offer.gains} losses={offer.losses} />
          </div>
        </div>
        )}
        <div className="mt-5 space-y-3">
          {offer.charge ? null : <Countdown />}
          <QuantitySelect />
          {offer.card ? (
            <>
              <p className="text-sm text-slate-700" data-testid="offer-card">
                {t("offers.chargedToCard", { brand: offer.card.brand, last4: offer.card.last4 })}
              </p>
              <AcceptButton key={offer.impressionId} impressionId={offer.impressionId} label={t("offers.acceptLabel")} initial={offer.charge} actions={actions} fallbackFocusId={fallbackFocusId} />
            </>
          ) : (
            <CheckoutFallback impressionId={offer.impressionId} label={t("offers.buyWithCheckout")} withPrice checkout={actions.checkout} />
          )}
          {/* With a card, the accept button shows "No thanks" itself: it goes the moment a charge starts. */}
          {offer.card || offer.charge ? null : <DeclineButton impressionId={offer.impressionId} decline={actions.decline} fallbackFocusId={fallbackFocusId} />}
        </div>
      </OfferQuantity>
      </OfferClock>
    </section>
  );
}
