import type { Metadata } from "next";
import { OfferForm } from "@/components/merchant/offer-form";
import { Card, EmptyState, PageHeader } from "@/components/merchant/ui";
import { productOptions } from "@/lib/catalog/queries";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { createOfferAction } from "../actions";

export const metadata: Metadata = { title: "New offer" };

export default async function NewOfferPage() {
  await requireMerchant();
  const products = await productOptions();
  return (
    <div>
      <PageHeader title="New offer" description="Accepted with one click and charged to the card the customer saved: after checkout when a funnel step shows it, and on customers' account pages for cross-sells with trigger products." />
      {products.length === 0 ? (
        <EmptyState title="No products to offer" action={{ href: "/merchant/products", label: "Sync products from Dodo" }}>
          Offers sell products from your Dodo catalogue. Sync it first.
        </EmptyState>
      ) : (
        <Card><OfferForm action={createOfferAction} products={products} submitLabel="Create offer" /></Card>
      )}
    </div>
  );
}
