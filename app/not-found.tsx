import type { Metadata } from "next";
import { NotFoundBody, StoreFooter, StoreHeader } from "@/components/store/store-chrome";
import { currentCustomer } from "@/lib/auth/customer-session";
import { signOutAction } from "./(store)/_session-actions";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// Addresses that match no route (/nope): the same branded page as the store's own 404s.
export default async function NotFound() {
  const customer = await currentCustomer();
  return (
    <>
      <StoreHeader customerEmail={customer?.email ?? null} signOut={signOutAction} />
      <main id="content" className="mx-auto max-w-5xl px-6 py-10"><NotFoundBody /></main>
      <StoreFooter />
    </>
  );
}
