import "server-only";
import type DodoPayments from "dodopayments";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { formatPrice } from "@/lib/catalog/format";
import { startOfferCheckout } from "@/lib/checkout/intents";
import { acceptOffer, chargeStatus } from "@/lib/checkout/one-click";
import { checkoutFallbackAllowed, type ChargeView } from "@/lib/checkout/outcome";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/money";
import { declineOffer } from "@/lib/offers/decide";
import type { QuoteView } from "@/lib/plans/quote-view";
import { accentShades } from "@/lib/store/brand";
import { storeBrand } from "@/lib/store/settings";
import { acceptUpgradeOffer, showMomentOffer, type PromptView } from "./prompt";

// What the embeddable prompt (public/embed/encore.js) reads and does, for the customer its embed
// token names. Everything is decided here, on the server, with the same services as Encore's own
// pages: the same impression rules, the same exactly-once one-click charge, the same hosted
// checkout fallback, Dodo's plan-change preview and change-plan for upgrades. The script only draws.

export type EmbedOffer = {
  impression_id: string;
  moment: string;
  kind: "one_click" | "checkout" | "upgrade";
  headline: string;
  body: string;
  product_name: string;
  price: string;
  list_price: string | null;
  /** "Visa •••• 4242" for one click; null = secure checkout instead. */
  card: string | null;
  expires_at: string;
  charge: ChargeView | null;
  checkout_allowed: boolean;
  /** Dodo's preview of an upgrade: what is charged now and from when the new plan applies. */
  upgrade: null | {
    from: string;
    to: string;
    charge_now: string;
    tax: string | null;
    credit: string | null;
    lines: { name: string; amount: string; factor: string }[];
    new_plan: string;
    effective: string;
    explanation: string;
    failure_note: string | null;
    confirm_label: string;
    quote_token: string;
  };
};

type EmbedUpgrade = NonNullable<EmbedOffer["upgrade"]>;

/** Dodo's preview of an upgrade, as the prompt draws it. */
function upgradeOf(q: QuoteView, fromName: string, toName: string): EmbedUpgrade {
  return {
    from: fromName, to: toName, charge_now: q.chargeNow, tax: q.tax, credit: q.credit ? `${q.credit.label}: ${q.credit.amount}` : null,
    lines: q.lines.map((l) => ({ name: l.quantity > 1 ? `${l.name} × ${l.quantity}` : l.name, amount: l.unitPrice, factor: l.factor })),
    new_plan: `${q.newPlan.name} · ${q.newPlan.price} · next billing ${q.newPlan.nextBilling}`, effective: q.effective, explanation: q.explanation,
    failure_note: q.failureNote, confirm_label: q.confirmLabel, quote_token: q.token,
  };
}

export function embedOfferOf(view: PromptView): EmbedOffer {
  if (view.kind === "upgrade") {
    const q = view.quote;
    return {
      impression_id: view.impressionId, moment: view.moment, kind: "upgrade", headline: view.headline, body: view.body,
      product_name: q.newPlan.name, price: q.chargeNow, list_price: null, card: null, expires_at: view.expiresAt.toISOString(), charge: null, checkout_allowed: false,
      upgrade: upgradeOf(q, view.fromName, view.toName),
    };
  }
  const o = view.offer;
  const recurring = { billingInterval: o.product.billingInterval, billingIntervalCount: o.product.billingIntervalCount };
  return {
    impression_id: o.impressionId, moment: view.moment, kind: o.card ? "one_click" : "checkout", headline: o.headline, body: o.body, product_name: o.product.name,
    price: formatPrice({ priceAmount: o.price.amount, currency: o.price.currency, ...recurring }),
    list_price: o.listPrice.amount > o.price.amount ? formatMoney(o.listPrice) : null,
    card: o.card ? `${o.card.brand} •••• ${o.card.last4}` : null,
    expires_at: o.expiresAt.toISOString(), charge: o.charge, checkout_allowed: !o.card || checkoutFallbackAllowed(o.charge), upgrade: null,
  };
}

/** The store's branding as the prompt draws it: its name, and its accent darkened to read on white (the store's own button shade). */
export type EmbedStore = { name: string; accent: string };

export async function embedStore(): Promise<EmbedStore> {
  const brand = await storeBrand();
  return { name: brand.name, accent: accentShades(brand.accentColor)["600"] };
}

/** The customer's current in-app offer, recorded as shown in the prompt. */
export async function embedOffer(customer: SessionCustomer, now = new Date()): Promise<EmbedOffer | null> {
  const view = await showMomentOffer(customer, "IN_APP", now);
  return view ? embedOfferOf(view) : null;
}

export type EmbedAnswer =
  | { ok: true; charge?: ChargeView; message?: string; status?: string }
  /** `upgrade`: Dodo's numbers moved since the preview; nothing was charged, and this is the new preview to confirm. */
  | { ok: false; code: string; message: string; upgrade?: EmbedUpgrade };

/** Accept: one click on the impression's frozen card, or the previewed upgrade through change-plan. */
export async function embedAccept(customer: SessionCustomer, input: { impressionId: string; quoteToken?: string }, deps: { client?: DodoPayments } = {}): Promise<EmbedAnswer> {
  if (input.quoteToken) {
    const result = await acceptUpgradeOffer({ impressionId: input.impressionId, customerId: customer.id, token: input.quoteToken }, deps);
    if (result.ok) return { ok: true, status: result.status, message: result.message };
    const fresh = "quote" in result && result.quote ? result.quote : null;
    return { ok: false, code: result.code, message: result.message, ...(fresh ? { upgrade: upgradeOf(fresh, "", fresh.newPlan.name) } : {}) }; // the prompt keeps its plan names
  }
  const imp = await db.offerImpression.findUnique({ where: { id: input.impressionId }, select: { offer: { select: { kind: true } } } });
  if (imp?.offer?.kind === "UPGRADE") return { ok: false, code: "needs_preview", message: "Please review the new price first." };
  const result = await acceptOffer({ impressionId: input.impressionId, customerId: customer.id }, deps);
  return result.ok ? { ok: true, charge: result.charge } : { ok: false, code: result.code, message: result.message };
}

export async function embedStatus(customer: SessionCustomer, impressionId: string): Promise<ChargeView | null> {
  return chargeStatus({ impressionId, customerId: customer.id });
}

export async function embedDecline(customer: SessionCustomer, impressionId: string): Promise<EmbedAnswer> {
  const result = await declineOffer({ impressionId, customerId: customer.id });
  return result.ok ? { ok: true } : { ok: false, code: result.code, message: result.message };
}

/** The hosted-checkout fallback: Dodo's page for this offer at its frozen price. */
export async function embedCheckout(customer: SessionCustomer, impressionId: string): Promise<{ ok: true; url: string } | { ok: false; code: string; message: string }> {
  const result = await startOfferCheckout(impressionId, customer);
  return result.ok ? { ok: true, url: result.url } : { ok: false, code: result.code, message: result.message };
}
