import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buyProductAction } from "../../checkout/actions";
import { ProductCard } from "@/components/product-card";
import { storefrontProduct } from "@/lib/checkout/products";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await storefrontProduct((await params).id);
  return { title: product?.name ?? "Product" };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await storefrontProduct((await params).id);
  if (!product) notFound();
  const { error } = await searchParams;
  const isPlan = product.kind === "SUBSCRIPTION";
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <Link href="/" className="text-sm text-slate-500 hover:underline">← Catalogue</Link>
      <ProductCard product={product} badge={isPlan ? "Subscription" : null}>
        <form action={buyProductAction}>
          <input type="hidden" name="productId" value={product.id} />
          <button type="submit" className="w-full rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
            {isPlan ? "Subscribe" : "Buy now"}
          </button>
        </form>
      </ProductCard>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error === "not_found" ? "This product is no longer available." : "Checkout is unavailable right now. Please try again in a moment."}
        </p>
      ) : null}
      <p className="text-sm text-slate-500">You pay on Dodo Payments&apos; secure checkout and come straight back here.</p>
    </div>
  );
}
