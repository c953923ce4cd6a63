import type { Metadata } from "next";
import Link from "next/link";
import { RefreshWhileProcessing } from "@/components/refresh-while-processing";
import { clientIp } from "@/lib/http/request";
import { bankReturnView } from "@/lib/moments/links";

export const metadata: Metadata = { title: "Your payment", robots: { index: false } };
export const dynamic = "force-dynamic";

// Where the bank's 3-D Secure step of an in-app or hosted-link offer's one-click charge returns
// (lib/checkout/bank-return.ts). The signed link names the offer, so the outcome is clear without
// a store session: the prompt in the merchant's app shows the same outcome by itself.
export default async function BankReturnPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await bankReturnView(token, await clientIp());
  if (view.state !== "ok") {
    return (
      <div className="mx-auto max-w-xl space-y-4" data-testid="bank-return">
        <h1 className="text-3xl font-bold tracking-tight">Your payment</h1>
        <p className="text-slate-700" data-testid="bank-return-problem">
          {view.state === "rate_limited" ? "Too many pages were opened from here. Please wait a minute and reload this page." : "This link is not valid or has expired. Your account shows what you bought."}
        </p>
        <Link href="/account" className="inline-block text-sm text-brand-700 underline">Go to your account</Link>
      </div>
    );
  }
  const charge = view.charge;
  const status = charge?.status ?? "failed";
  return (
    <div className="mx-auto max-w-xl space-y-4" data-testid="bank-return" data-status={status}>
      <h1 className="text-3xl font-bold tracking-tight">Your payment</h1>
      <p className="font-semibold">{view.productName}</p>
      {status === "succeeded" ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900" data-testid="bank-return-outcome">Payment received: {view.productName} is yours. Your bank confirmed the payment.</p>
      ) : status === "failed" ? (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-800" data-testid="bank-return-outcome">{charge?.status === "failed" ? charge.message : "This offer's payment did not go through."}</p>
      ) : status === "authenticate" ? (
        <div role="status" className="space-y-2 rounded bg-amber-50 p-3 text-amber-900" data-testid="bank-return-outcome">
          <p>Your bank has not confirmed this payment yet. Nothing is charged until it does.</p>
          {charge?.status === "authenticate" && charge.url ? (
            <a href={charge.url} className="inline-block rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">Confirm with your bank</a>
          ) : null}
          <RefreshWhileProcessing />
        </div>
      ) : (
        <div role="status" className="rounded bg-slate-100 p-3" data-testid="bank-return-outcome">
          <p>{status === "confirming" ? "We are confirming this payment with your bank; it may already have gone through. Please don't pay for it again: this page updates by itself." : "Processing your payment… This page updates by itself."}</p>
          <RefreshWhileProcessing />
        </div>
      )}
      <p className="text-sm text-slate-700">
        {view.placement === "IN_APP" ? "You can close this tab: the app you came from shows the same outcome." : null}
      </p>
      {view.placement === "HOSTED_LINK" ? (
        <Link href={`/account/offers/${encodeURIComponent(view.impressionId)}`} className="inline-block text-sm text-brand-700 underline">Back to the offer</Link>
      ) : (
        <Link href="/account" className="inline-block text-sm text-brand-700 underline">Go to your account</Link>
      )}
    </div>
  );
}
