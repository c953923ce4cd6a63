import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { BrandScope, StoreFooter, StoreHeader } from "@/components/store/store-chrome";
import { currentCustomer } from "@/lib/auth/customer-session";
import { storeBrand } from "@/lib/store/settings";
import { setLocaleAction } from "./_locale-actions";
import { signOutAction } from "./_session-actions";

export async function generateMetadata(): Promise<Metadata> {
  const brand = await storeBrand();
  return { title: { default: brand.name, template: `%s · ${brand.name}` } };
}

export default async function StoreLayout({ children }: { children: React.ReactNode }) {
  const [customer, brand] = await Promise.all([currentCustomer(), storeBrand()]);
  return (
    <ClientMessages surface="store">
    <BrandScope brand={brand}>
      <StoreHeader brand={brand} customerEmail={customer?.email ?? null} signOut={signOutAction} setLocale={setLocaleAction} />
      <main id="content" className="mx-auto max-w-5xl px-6 py-10">{children}</main>
      <StoreFooter brand={brand} />
    </BrandScope>
    </ClientMessages>
  );
}
