import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/merchant/fields";
import { Badge, Card, linkClass, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import type { Locale } from "@/lib/i18n/locales";
import { findCustomer, previewablePurchases, previewOffers } from "@/lib/offers/test-as-customer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.testAsCustomer.metaTitle") };
}

const RESULT_TONE = { shown: "green", skipped: "grey", holdout: "amber", no_variant: "grey" } as const;

/**
 * Which offer a customer would see on the thank-you page after one of their purchases, and why
 * every other offer would not show (lib/offers/test-as-customer.ts). A GET form: nothing is recorded.
 */
export default async function TestAsCustomerPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const resultLabel = (result: keyof typeof RESULT_TONE) => {
    switch (result) {
      case "shown":
        return t("console.testAsCustomer.resultShown");
      case "skipped":
        return t("console.testAsCustomer.resultSkipped");
      case "holdout":
        return t("console.testAsCustomer.resultHoldout");
      case "no_variant":
        return t("console.testAsCustomer.resultNoVariant");
    }
  };
  const query = (firstParam(params.customer) ?? "").slice(0, 200);
  const paymentId = firstParam(params.payment) ?? "";
  const customer = query ? await findCustomer(query) : null;
  const purchases = customer ? await previewablePurchases(customer.id, { locale }) : [];
  const chosen = purchases.find((p) => p.id === paymentId)?.id ?? purchases[0]?.id ?? null;
  const result = customer && chosen ? await previewOffers({ customerId: customer.id, paymentId: chosen }, new Date(), { locale }) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("console.testAsCustomer.title")} description={t("console.testAsCustomer.description")} />
      <Card>
        <form method="get" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label={t("console.testAsCustomer.formLabel")}>
          <div>
            <label htmlFor="customer" className="mb-1 block text-sm font-medium text-slate-700">{t("console.testAsCustomer.customer")}</label>
            <input id="customer" name="customer" defaultValue={query} placeholder={t("console.testAsCustomer.customerPlaceholder")} className={inputClass} aria-describedby="customer-hint" />
            <p id="customer-hint" className="mt-1 text-xs text-slate-600">{t("console.testAsCustomer.customerHint")}</p>
          </div>
          <div>
            <label htmlFor="payment" className="mb-1 block text-sm font-medium text-slate-700">{t("console.testAsCustomer.purchase")}</label>
            <select id="payment" name="payment" defaultValue={chosen ?? ""} className={inputClass} disabled={!purchases.length}>
              {purchases.length ? purchases.map((p) => <option key={p.id} value={p.id}>{p.label}</option>) : <option value="">{t("console.testAsCustomer.findFirst")}</option>}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("console.testAsCustomer.test")}</button>
        </form>
        {query && !customer ? <p role="status" className="mt-3 text-sm text-amber-800">{t("console.testAsCustomer.noMatch", { query })}</p> : null}
        {customer && !purchases.length ? <p role="status" className="mt-3 text-sm text-amber-800">{t("console.testAsCustomer.noPurchase", { email: customer.email })}</p> : null}
      </Card>

      {result && !result.ok ? <p role="alert" className="text-sm text-red-700">{result.message}</p> : null}
      {result?.ok ? (
        <section aria-labelledby="preview-result" className="space-y-4" data-testid="preview">
          <Card>
            <h2 id="preview-result" className="text-base font-semibold text-slate-900">{t("console.testAsCustomer.heading", { email: result.preview.customer.email, amount: result.preview.purchase.amount })}</h2>
            <p className="mt-1 text-sm text-slate-700" data-testid="preview-summary">
              {/* The summary names the offer's headline (merchant copy) when one is shown: worded here so the headline can be marked. */}
              {result.preview.shown ? t.rich("console.testAsCustomer.shows", { text: result.preview.shown.headline, headline: (chunks) => <span data-merchant-copy>{chunks}</span> }) : result.preview.summary}
            </p>
            {result.preview.funnel ? <p className="mt-1 text-sm text-slate-600">{t.rich("console.testAsCustomer.funnel", { name: result.preview.funnel.name, link: (chunks) => <Link className={linkClass} href={`/merchant/funnels/${result.preview.funnel!.id}`} data-merchant-copy>{chunks}</Link> })}</p> : null}
            {result.preview.shown ? <p className="mt-2 text-sm" data-testid="preview-shown">{t.rich("console.testAsCustomer.wouldSee", { offerName: result.preview.shown.offerName, stepName: result.preview.shown.stepName, strong: (chunks) => <strong data-merchant-copy>{chunks}</strong>, step: (chunks) => <span data-merchant-copy>{chunks}</span> })}</p> : null}
            {result.preview.note ? <p className="mt-2 text-sm text-amber-800">{result.preview.note}</p> : null}
          </Card>
          {result.preview.path.length ? (
            <Card title={t("console.testAsCustomer.stepByStep")}>
              <ol className="space-y-2 text-sm" data-testid="preview-path">
                {result.preview.path.map((s, i) => (
                  <li key={i} className="flex flex-wrap items-baseline gap-2"><Badge tone={RESULT_TONE[s.result]}>{resultLabel(s.result)}</Badge> <span className="font-medium" data-merchant-copy>{s.stepName}</span>{s.offerName ? <span>· <span data-merchant-copy>{s.offerName}</span></span> : null}<span className="text-slate-600">— {s.why}</span></li>
                ))}
              </ol>
            </Card>
          ) : null}
          {result.preview.others.length ? (
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
              <table className={tableClass} data-testid="preview-others">
                <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-800">{t("console.testAsCustomer.others")}</caption>
                <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.testAsCustomer.colOffer")}</th><th className={thClass}>{t("console.testAsCustomer.colWhyNot")}</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {result.preview.others.map((o) => (
                    <tr key={o.offerId}><td className={tdClass}><Link className={linkClass} href={`/merchant/offers/${o.offerId}`} data-merchant-copy>{o.offerName}</Link></td><td className={tdClass}>{o.why}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
