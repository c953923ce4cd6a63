import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FailureMessage } from "@/components/offers/failure-message";
import { RefreshWhileProcessing } from "@/components/refresh-while-processing";
import { clientIp } from "@/lib/http/request";
import { bankReturnView } from "@/lib/moments/links";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("offers.bankReturn.title"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

// Where the bank's 3-D Secure step of an in-app or hosted-link offer's one-click charge returns
// (lib/checkout/bank-return.ts). The signed link names the offer, so the outcome is clear without
// a store session: the prompt in the merchant's app shows the same outcome by itself.
export default async function BankReturnPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [view, t] = await Promise.all([bankReturnView(token, await clientIp()), getTranslations()]);
  if (view.state !== "ok") {
    return (
      <div className="mx-auto max-w-xl space-y-4" data-testid="bank-return">
        <h1 className="text-3xl font-bold tracking-tight">{t("offers.bankReturn.title")}</h1>
        <p className="text-slate-700" data-testid="bank-return-problem">
          {view.state === "rate_limited" ? t("offers.bankReturn.rateLimited") : t("offers.bankReturn.invalid")}
        </p>
        <Link href="/account" className="inline-block text-sm text-brand-700 underline">{t("offers.bankReturn.goToAccount")}</Link>
      </div>
    );
  }
  const charge = view.charge;
  const status = charge?.status ?? "failed";
  return (
    <div className="mx-auto max-w-xl space-y-4" data-testid="bank-return" data-status={status}>
      <h1 className="text-3xl font-bold tracking-tight">{t("offers.bankReturn.title")}</h1>
      <p className="font-semibold" data-merchant-copy>{view.productName}</p>
      {status === "succeeded" ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900" data-testid="bank-return-outcome">{t.rich("offers.bankReturn.succeeded", { product: view.productName, name: (chunks) => <span data-merchant-copy>{chunks}</span> })}</p>
      ) : status === "failed" ? (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-800" data-testid="bank-return-outcome">{charge?.status === "failed" ? <FailureMessage kind={charge.kind} /> : t("offers.bankReturn.failed")}</p>
      ) : status === "authenticate" ? (
        <div role="status" className="space-y-2 rounded bg-amber-50 p-3 text-amber-900" data-testid="bank-return-outcome">
          <p>{t("offers.bankReturn.authenticate")}</p>
          {charge?.status === "authenticate" && charge.url ? (
            <a href={charge.url} className="inline-block rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">{t("offers.charge.confirmWithBank")}</a>
          ) : null}
          <RefreshWhileProcessing />
        </div>
      ) : (
        <div role="status" className="rounded bg-slate-100 p-3" data-testid="bank-return-outcome">
          <p>{status === "confirming" ? t("offers.bankReturn.confirming") : t("offers.bankReturn.processing")}</p>
          <RefreshWhileProcessing />
        </div>
      )}
      <p className="text-sm text-slate-700">
        {view.placement === "IN_APP" ? t("offers.bankReturn.closeTab") : null}
      </p>
      {view.placement === "HOSTED_LINK" ? (
        <Link href={`/account/offers/${encodeURIComponent(view.impressionId)}`} className="inline-block text-sm text-brand-700 underline">{t("offers.bankReturn.backToOffer")}</Link>
      ) : (
        <Link href="/account" className="inline-block text-sm text-brand-700 underline">{t("offers.bankReturn.goToAccount")}</Link>
      )}
    </div>
  );
}
