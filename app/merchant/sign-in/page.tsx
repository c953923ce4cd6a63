import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/merchant/sign-in-form";
import { signInAction } from "./actions";
import { getMerchant } from "@/lib/auth/merchant-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.signIn.metaTitle") };
}

export default async function SignInPage() {
  if (await getMerchant()) redirect("/merchant");
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 tabIndex={-1} className="text-xl font-bold tracking-tight focus:outline-none">{t("console.signIn.title")}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">{t("console.signIn.intro")}</p>
        <SignInForm action={signInAction} />
      </div>
      <p className="mt-4 text-center text-xs text-slate-600">
        {t.rich("console.signIn.noAccount", { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
      </p>
    </div>
  );
}
