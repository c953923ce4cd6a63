import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BrandScope, NotFoundBody, StoreFooter, StoreHeader } from "@/components/store/store-chrome";
import { currentCustomer } from "@/lib/auth/customer-session";
import { storeBrand } from "@/lib/store/settings";
import { setLocaleAction } from "./(store)/_locale-actions";
import { signOutAction } from "./(store)/_session-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("store.notFound.metaTitle"), robots: { index: false } };
}

// Addresses that match no route (/nope): the same branded page as the store's own 404s.
export default async function NotFound() {
  const [customer, brand] = await Promise.all([currentCustomer(), storeBrand()]);
  return (
    <BrandScope brand={brand}>
      <StoreHeader brand={brand} customerEmail={customer?.email ?? null} signOut={signOutAction} setLocale={setLocaleAction} />
      <main id="content" className="mx-auto max-w-5xl px-6 py-10"><NotFoundBody /></main>
      <StoreFooter brand={brand} />
    </BrandScope>
  );
}
