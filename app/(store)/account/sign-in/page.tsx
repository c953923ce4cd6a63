import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer, safeNextPath } from "@/lib/auth/customer-session";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import { requestSignInLinkAction } from "../../_session-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("signIn.metaTitle"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const [customer, params, t] = await Promise.all([currentCustomer(), searchParams, getTranslations()]);
  const next = safeNextPath(firstParam(params.next)) ?? undefined;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("signIn.title")}</h1>
        {customer ? (
          <p className="mt-2 text-slate-700" data-testid="already-signed-in">
            {t.rich("signIn.alreadySignedIn", { email: customer.email, continue: (chunks) => <Link href={next ?? "/account"} className="text-brand-700 underline">{chunks}</Link> })}
          </p>
        ) : (
          <p className="mt-2 text-slate-700">{t("signIn.intro")}</p>
        )}
      </div>
      <SignInLinkForm action={requestSignInLinkAction} next={next} />
    </div>
  );
}
