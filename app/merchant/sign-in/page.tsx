import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/merchant/sign-in-form";
import { signInAction } from "./actions";
import { getMerchant } from "@/lib/auth/merchant-session";

export const metadata: Metadata = { title: "Merchant sign-in" };

export default async function SignInPage() {
  if (await getMerchant()) redirect("/merchant");
  return (
    <div className="mx-auto max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 tabIndex={-1} className="text-xl font-bold tracking-tight focus:outline-none">Merchant console</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to manage offers, funnels and their results.</p>
        <SignInForm action={signInAction} />
      </div>
      <p className="mt-4 text-center text-xs text-slate-600">
        No account yet? Run <code className="rounded bg-slate-100 px-1">npm run merchant:create -- you@example.com</code>
      </p>
    </div>
  );
}
