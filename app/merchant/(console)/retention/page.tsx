import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { HoldoutForm, SaveOfferForm, type SaveOfferKindLabels } from "@/components/merchant/save-offer-forms";
import { Card, EmptyState, PageHeader } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { formatPrice } from "@/lib/catalog/format";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import type { Locale } from "@/lib/i18n/locales";
import { reasonLabel, saveOfferKindLabel } from "@/lib/retention/labels";
import { CANCEL_REASONS } from "@/lib/retention/reasons";
import { SAVE_OFFER_KINDS } from "@/lib/retention/save-offer-schema";
import { listRetentionSetup } from "@/lib/retention/save-offers";
import { holdoutAction, saveOfferAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.retention.metaTitle") };
}

export default async function RetentionPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const [ladders, t, locale] = await Promise.all([listRetentionSetup(), getTranslations(), getLocale() as Promise<Locale>]);
  const kindLabels = Object.fromEntries((["", ...SAVE_OFFER_KINDS] as const).map((k) => [k, saveOfferKindLabel(k, locale)])) as SaveOfferKindLabels;
  // One ladder's forms at a time (eight reasons each); the others are a click away.
  const wanted = firstParam((await searchParams).ladder);
  const shown = ladders.find((l) => l.id === wanted) ?? ladders[0];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("console.retention.title")}
        description={t("console.retention.description")}
      />
      {ladders.length === 0 ? (
        <EmptyState title={t("console.retention.emptyTitle")} action={{ href: "/merchant/products", label: t("console.retention.emptyAction") }}>{t("console.retention.emptyText")}</EmptyState>
      ) : null}
      {ladders.length > 1 ? (
        <nav aria-label={t("console.retention.laddersNav")} className="flex flex-wrap gap-2 text-sm">
          {ladders.map((l) => (
            <Link key={l.id} href={`?${new URLSearchParams({ ladder: l.id })}`} aria-current={l.id === shown?.id ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${l.id === shown?.id ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}>
              <span data-merchant-copy>{l.name}</span> · {t("console.retention.ladderOffers", { count: l.saveOffers.length })}
            </Link>
          ))}
        </nav>
      ) : null}
      {(shown ? [shown] : []).map((ladder) => {
        const plans = ladder.products.filter((p) => p.planRank !== null).map((p) => ({ id: p.id, label: `${p.name} · ${formatPrice(p, locale)}` }));
        return (
          <Card key={ladder.id} title={ladder.name} titleIsMerchantCopy>
            <div data-testid="retention-ladder" data-ladder={ladder.name} className="space-y-4">
              <HoldoutForm key={ladder.id} action={holdoutAction} ladderId={ladder.id} holdoutPercent={String(ladder.retentionHoldoutBps / 100)} />
              <div className="divide-y divide-slate-100">
                {CANCEL_REASONS.map((reason) => {
                  const offer = ladder.saveOffers.find((o) => o.reason === reason);
                  return (
                    <SaveOfferForm key={`${ladder.id}-${reason}`} action={saveOfferAction} ladderId={ladder.id} reason={reason} reasonLabel={reasonLabel(reason, locale)} kindLabels={kindLabels} plans={plans}
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
