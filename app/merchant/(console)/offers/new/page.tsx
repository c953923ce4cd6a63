import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { OfferForm } from "@/components/merchant/offer-form";
import { Card, EmptyState, PageHeader } from "@/components/merchant/ui";
import { productOptions } from "@/lib/catalog/queries";
import type { Locale } from "@/lib/i18n/locales";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { createOfferAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.newOffer.metaTitle") };
}

export default async function NewOfferPage() {
  await requireMerchant();
  const [products, t] = await Promise.all([getLocale().then((l) => productOptions(l as Locale)), getTranslations()]);
  return (
    <div>
      <PageHeader title={t("console.newOffer.title")} description={t("console.newOffer.description")} />
      {products.length === 0 ? (
        <EmptyState title={t("console.newOffer.noProducts")} action={{ href: "/merchant/products", label: t("console.newOffer.sync") }}>
          {t("console.newOffer.noProductsText")}
        </EmptyState>
      ) : (
        <Card><OfferForm action={createOfferAction} products={products} submitLabel={t("console.newOffer.create")} /></Card>
      )}
    </div>
  );
}
