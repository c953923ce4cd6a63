import { StoreFooter, StoreHeader } from "@/components/store/store-chrome";
import { currentCustomer } from "@/lib/auth/customer-session";
import { signOutAction } from "./_session-actions";

export default async function StoreLayout({ children }: { children: React.ReactNode }) {
  const customer = await currentCustomer();
  return (
    <>
      <StoreHeader customerEmail={customer?.email ?? null} signOut={signOutAction} />
      <main id="content" className="mx-auto max-w-5xl px-6 py-10">{children}</main>
      <StoreFooter />
    </>
  );
}
