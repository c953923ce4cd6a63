import type { Metadata } from "next";
import Link from "next/link";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer, safeNextPath } from "@/lib/auth/customer-session";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import { requestSignInLinkAction } from "../../_session-actions";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const [customer, params] = await Promise.all([currentCustomer(), searchParams]);
  const next = safeNextPath(firstParam(params.next)) ?? undefined;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
        {customer ? (
          <p className="mt-2 text-slate-700" data-testid="already-signed-in">
            You are signed in as {customer.email}. <Link href={next ?? "/account"} className="text-brand-700 underline">Continue</Link>, or sign in with another address below.
          </p>
        ) : (
          <p className="mt-2 text-slate-700">See your orders, your products and offers picked for you.</p>
        )}
      </div>
      <SignInLinkForm action={requestSignInLinkAction} next={next} />
    </div>
  );
}
