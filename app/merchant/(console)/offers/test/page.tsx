import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/merchant/fields";
import { Badge, Card, linkClass, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import { findCustomer, previewablePurchases, previewOffers } from "@/lib/offers/test-as-customer";

export const metadata: Metadata = { title: "Test as a customer" };

const RESULT_LABEL = { shown: "Shown", skipped: "Skipped", holdout: "Holdout", no_variant: "No variant" } as const;
const RESULT_TONE = { shown: "green", skipped: "grey", holdout: "amber", no_variant: "grey" } as const;

/**
 * Which offer a customer would see on the thank-you page after one of their purchases, and why
 * every other offer would not show (lib/offers/test-as-customer.ts). A GET form: nothing is recorded.
 */
export default async function TestAsCustomerPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const query = (firstParam(params.customer) ?? "").slice(0, 200);
  const paymentId = firstParam(params.payment) ?? "";
  const customer = query ? await findCustomer(query) : null;
  const purchases = customer ? await previewablePurchases(customer.id) : [];
  const chosen = purchases.find((p) => p.id === paymentId)?.id ?? purchases[0]?.id ?? null;
  const result = customer && chosen ? await previewOffers({ customerId: customer.id, paymentId: chosen }) : null;
  return (
    <div className="space-y-6">
      <PageHeader title="Test as a customer" description="Pick a customer and one of their purchases: see the offer the thank-you page would show them and why every other offer would not. Nothing is recorded or charged." />
      <Card>
        <form method="get" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="Customer and purchase">
          <div>
            <label htmlFor="customer" className="mb-1 block text-sm font-medium text-slate-700">Customer</label>
            <input id="customer" name="customer" defaultValue={query} placeholder="Email or customer id" className={inputClass} aria-describedby="customer-hint" />
            <p id="customer-hint" className="mt-1 text-xs text-slate-600">Email, Encore id or Dodo customer id.</p>
          </div>
          <div>
            <label htmlFor="payment" className="mb-1 block text-sm font-medium text-slate-700">Purchase</label>
            <select id="payment" name="payment" defaultValue={chosen ?? ""} className={inputClass} disabled={!purchases.length}>
              {purchases.length ? purchases.map((p) => <option key={p.id} value={p.id}>{p.label}</option>) : <option value="">Find a customer first</option>}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Test</button>
        </form>
        {query && !customer ? <p role="status" className="mt-3 text-sm text-amber-800">No customer matches “{query}”.</p> : null}
        {customer && !purchases.length ? <p role="status" className="mt-3 text-sm text-amber-800">{customer.email} has no paid purchase that opens offers.</p> : null}
      </Card>

      {result && !result.ok ? <p role="alert" className="text-sm text-red-700">{result.message}</p> : null}
      {result?.ok ? (
        <section aria-labelledby="preview-result" className="space-y-4" data-testid="preview">
          <Card>
            <h2 id="preview-result" className="text-base font-semibold text-slate-900">{result.preview.customer.email} after the {result.preview.purchase.amount} purchase</h2>
            <p className="mt-1 text-sm text-slate-700" data-testid="preview-summary">{result.preview.summary}</p>
            {result.preview.funnel ? <p className="mt-1 text-sm text-slate-600">Funnel: <Link className={linkClass} href={`/merchant/funnels/${result.preview.funnel.id}`}>{result.preview.funnel.name}</Link></p> : null}
            {result.preview.shown ? <p className="mt-2 text-sm" data-testid="preview-shown">Would see: <strong>{result.preview.shown.offerName}</strong> (step “{result.preview.shown.stepName}”)</p> : null}
            {result.preview.note ? <p className="mt-2 text-sm text-amber-800">{result.preview.note}</p> : null}
          </Card>
          {result.preview.path.length ? (
            <Card title="The funnel, step by step">
              <ol className="space-y-2 text-sm" data-testid="preview-path">
                {result.preview.path.map((s, i) => (
                  <li key={i} className="flex flex-wrap items-baseline gap-2"><Badge tone={RESULT_TONE[s.result]}>{RESULT_LABEL[s.result]}</Badge> <span className="font-medium">{s.stepName}</span>{s.offerName ? <span>· {s.offerName}</span> : null}<span className="text-slate-600">— {s.why}</span></li>
                ))}
              </ol>
            </Card>
          ) : null}
          {result.preview.others.length ? (
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
              <table className={tableClass} data-testid="preview-others">
                <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-800">Why the other offers would not show</caption>
                <thead className="bg-slate-50"><tr><th className={thClass}>Offer</th><th className={thClass}>Why not</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {result.preview.others.map((o) => (
                    <tr key={o.offerId}><td className={tdClass}><Link className={linkClass} href={`/merchant/offers/${o.offerId}`}>{o.offerName}</Link></td><td className={tdClass}>{o.why}</td></tr>
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
