import type { Metadata } from "next";
import { HoldoutForm, SaveOfferForm } from "@/components/merchant/save-offer-forms";
import { Card, EmptyState, PageHeader } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { formatPrice } from "@/lib/catalog/format";
import { CANCEL_REASONS } from "@/lib/retention/reasons";
import { listRetentionSetup } from "@/lib/retention/save-offers";
import { holdoutAction, saveOfferAction } from "./actions";

export const metadata: Metadata = { title: "Save offers" };

export default async function RetentionPage() {
  await requireMerchant();
  const ladders = await listRetentionSetup();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Save offers"
        description="What a subscriber sees after saying why they are cancelling: a cheaper plan, a pause, or another billing interval, per plan ladder and reason. “Cancel anyway” is always shown next to the offer. A holdout share sees no offer, so the stats can show the offers' lift."
      />
      {ladders.length === 0 ? (
        <EmptyState title="No plan ladders yet" action={{ href: "/merchant/products", label: "Create a plan ladder" }}>Save offers belong to a ladder of plans.</EmptyState>
      ) : null}
      {ladders.map((ladder) => {
        const plans = ladder.products.filter((p) => p.planRank !== null).map((p) => ({ id: p.id, label: `${p.name} · ${formatPrice(p)}` }));
        return (
          <Card key={ladder.id} title={ladder.name}>
            <div data-testid="retention-ladder" data-ladder={ladder.name} className="space-y-4">
              <HoldoutForm action={holdoutAction} ladderId={ladder.id} holdoutPercent={String(ladder.retentionHoldoutBps / 100)} />
              <div className="divide-y divide-slate-100">
                {CANCEL_REASONS.map((reason) => {
                  const offer = ladder.saveOffers.find((o) => o.reason === reason);
                  return (
                    <SaveOfferForm key={reason} action={saveOfferAction} ladderId={ladder.id} reason={reason} plans={plans}
                      initialValues={{ kind: offer?.kind ?? "", targetProductId: offer?.targetProductId ?? "", pauseCycles: offer?.pauseCycles ? String(offer.pauseCycles) : "", headline: offer?.headline ?? "" }} />
                  );
                })}
              </div>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
