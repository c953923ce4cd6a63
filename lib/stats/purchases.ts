import "server-only";
import { cartQuantities } from "@/lib/catalog/cart";
import { db } from "@/lib/db/client";
import { OFFER_KIND_LABELS } from "@/lib/offers/offer-schema";
import { cell, major } from "./csv";
import type { DateRange } from "./range";

// The offer-purchases export: one line per accepted offer (one click, or the hosted checkout bought
// instead) shown in the range, with the units bought, the unit price shown, what that came to and
// what the customer's payments for it took, refunded included — each in its own currency, which
// the aggregated stats table can only split into columns. A bundle is one line (one impression, one
// payment, counted once like every offer), its products listed in bundle_product_ids / bundle_products
// (the offered product first, " + " between them); both are empty for a single-product offer.

export type OfferPurchase = {
  impressionId: string;
  shownAt: Date;
  decidedAt: Date;
  offerId: string;
  offerName: string;
  offerKind: keyof typeof OFFER_KIND_LABELS;
  variant: string | null;
  placement: string;
  productId: string;
  productName: string;
  /** Every product of a bundle (the offered one first); empty for a single product. */
  bundle: { id: string; name: string }[];
  quantity: number;
  unitPrice: number;
  amount: number;
  currency: string;
  paid: number;
  refunded: number;
};

export async function offerPurchases(range: DateRange): Promise<OfferPurchase[]> {
  const rows = await db.offerImpression.findMany({
    where: { shownAt: { gte: range.from, lt: range.to }, holdout: false, offerId: { not: null }, decision: { outcome: "ACCEPTED" } },
    include: {
      offer: { select: { id: true, name: true, kind: true, offeredProductId: true, offeredProduct: { select: { name: true } } } },
      variant: { select: { label: true } },
      decision: { select: { decidedAt: true } },
      chargeAttempt: { select: { quantity: true } },
      payments: { where: { status: "SUCCEEDED" }, select: { totalAmount: true, refundedAmount: true, productCart: true } },
    },
    orderBy: { shownAt: "asc" },
  });
  const bundled = await db.product.findMany({ where: { id: { in: rows.flatMap((r) => r.bundleProductIds) } }, select: { id: true, name: true } });
  const nameOf = new Map(bundled.map((p) => [p.id, p.name]));
  return rows.flatMap((r) => {
    if (!r.offer || !r.decision) return [];
    // One click records its units; a hosted checkout's come from its payment's cart.
    const fromCart = r.payments.reduce((n, p) => n + (cartQuantities(p.productCart).get(r.offer!.offeredProductId) ?? 0), 0);
    const quantity = r.chargeAttempt?.quantity ?? (fromCart || 1);
    return [{
      impressionId: r.id,
      shownAt: r.shownAt,
      decidedAt: r.decision.decidedAt,
      offerId: r.offer.id,
      offerName: r.offer.name,
      offerKind: r.offer.kind,
      variant: r.variant?.label ?? null,
      placement: r.placement,
      productId: r.offer.offeredProductId,
      productName: r.offer.offeredProduct.name,
      bundle: r.bundleProductIds.length
        ? [{ id: r.offer.offeredProductId, name: r.offer.offeredProduct.name }, ...r.bundleProductIds.map((id) => ({ id, name: nameOf.get(id) ?? "A product no longer sold" }))]
        : [],
      quantity,
      unitPrice: r.priceAmount,
      amount: r.priceAmount * quantity,
      currency: r.currency,
      paid: r.payments.reduce((n, p) => n + p.totalAmount, 0),
      refunded: r.payments.reduce((n, p) => n + p.refundedAmount, 0),
    }];
  });
}

export function purchasesCsv(purchases: OfferPurchase[]): string {
  const header = ["impression_id", "shown_at", "accepted_at", "offer_id", "offer", "kind", "variant", "placement", "product_id", "product", "bundle_product_ids", "bundle_products", "quantity", "currency", "unit_price", "amount", "paid", "refunded"];
  const rows = purchases.map((p) => [
    p.impressionId, p.shownAt.toISOString(), p.decidedAt.toISOString(), p.offerId, p.offerName, OFFER_KIND_LABELS[p.offerKind], p.variant, p.placement.toLowerCase(),
    p.productId, p.productName, p.bundle.map((b) => b.id).join(" + "), p.bundle.map((b) => b.name).join(" + "), p.quantity, p.currency, major(p.unitPrice, p.currency), major(p.amount, p.currency), major(p.paid, p.currency), major(p.refunded, p.currency),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
