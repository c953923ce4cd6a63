import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buyProductAction } from "../../checkout/actions";
import { ProductCard } from "@/components/product-card";
import { storefrontProduct } from "@/lib/checkout/products";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [product, t] = await Promise.all([storefrontProduct((await params).id), getTranslations()]);
  return { title: product?.name ?? t("store.product.metaTitle") };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await storefrontProduct((await params).id);
  if (!product) notFound();
  const { error } = await searchParams;
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const isPlan = product.kind === "SUBSCRIPTION";
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <Link href="/" className="text-sm text-slate-500 hover:underline">{t("store.product.back")}</Link>
      <ProductCard product={product} badge={isPlan ? t("store.product.subscriptionBadge") : null} locale={locale}>
        <form action={buyProductAction}>
          <input type="hidden" name="productId" value={product.id} />
          <button type="submit" className="w-full rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
            {isPlan ? t("store.product.subscribe") : t("store.product.buyNow")}
          </button>
        </form>
      </ProductCard>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error === "not_found" ? t("store.product.gone") : t("store.checkoutUnavailable")}
        </p>
      ) : null}
      <p className="text-sm text-slate-500">{t("store.product.payOnDodo")}</p>
    </div>
  );
}
