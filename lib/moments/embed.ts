import "server-only";
import type DodoPayments from "dodopayments";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { formatPrice } from "@/lib/catalog/format";
import { startOfferCheckout } from "@/lib/checkout/intents";
import { acceptOffer, chargeStatus } from "@/lib/checkout/one-click";
import { checkoutFallbackAllowed, type ChargeView } from "@/lib/checkout/outcome";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/money";
import { acceptRefusalText, checkoutRefusalText, declineRefusalText } from "@/lib/offers/answer-text";
import { failureText } from "@/lib/offers/failure-text";
import { copyFor } from "@/lib/offers/copy";
import { declineOffer } from "@/lib/offers/decide";
import { badgeText } from "@/lib/offers/social-proof-rules";
import type { QuoteView } from "@/lib/plans/quote-view";
import { accentShades } from "@/lib/store/brand";
import { storeBrand } from "@/lib/store/settings";
import { acceptUpgradeOffer, showMomentOffer, type PromptView } from "./prompt";

// What the embeddable prompt (public/embed/encore.js) reads and does, for the customer its embed
// token names. Everything is decided here, on the server, with the same services as Encore's own
// pages: the same impression rules, the same exactly-once one-click charge, the same hosted
// checkout fallback, Dodo's plan-change preview and change-plan for upgrades. The script only draws,
// with the words it is sent here in the customer's language (embed-route.ts chooses it).

export type EmbedOffer = {
  impression_id: string;
  moment: string;
  kind: "one_click" | "checkout" | "upgrade";
  headline: string;
  body: string;
  product_name: string;
  /** The merchant's badge as written, or the earned take-rate badge in the customer's language. */
  badge: string | null;
  price: string;
  list_price: string | null;
  /** "Visa •••• 4242" for one click; null = secure checkout instead. */
  card: string | null;
  /** "One click charges your saved Visa •••• 4242." */
  card_note: string | null;
  expires_at: string;
  charge: ChargeView | null;
  checkout_allowed: boolean;
  /** Dodo's preview of an upgrade: what is charged now and from when the new plan applies. */
  upgrade: null | {
    from: string;
    to: string;
    charge_now: string;
    /** "Charged now: $50.00" */
    charge_now_label: string;
    tax: string | null;
    credit: string | null;
    /** `label`: the line as the prompt shows it ("Pro, billed for 0.5 of a month"). */
    lines: { name: string; amount: string; factor: string; label: string }[];
    new_plan: string;
    effective: string;
    explanation: string;
    failure_note: string | null;
    confirm_label: string;
    quote_token: string;
  };
};

type EmbedUpgrade = NonNullable<EmbedOffer["upgrade"]>;

/** The prompt's own words (its buttons and notices), in the customer's language. */
export type EmbedStrings = Record<
  "region" | "of_which_tax" | "new_plan" | "takes_effect" | "done" | "processing" | "confirming" | "authenticate" | "confirm_with_bank"
  | "accept" | "use_another_card" | "continue_checkout" | "no_thanks" | "working" | "unreachable" | "unreadable",
  string
>;

export function embedStrings(locale: Locale): EmbedStrings {
  const t = translator(locale);
  return {
    region: t("embed.region"),
    of_which_tax: t("embed.ofWhichTax"),
    new_plan: t("embed.newPlan"),
    takes_effect: t("embed.takesEffect"),
    done: t("embed.done"),
    processing: t("offers.charge.processing"),
    confirming: t("embed.confirming"),
    authenticate: t("offers.charge.authenticate"),
    confirm_with_bank: t("offers.charge.confirmWithBank"),
    accept: t("offers.acceptLabel"),
    use_another_card: t("embed.useAnotherCard"),
    continue_checkout: t("embed.continueCheckout"),
    no_thanks: t("offers.noThanks"),
    working: t("embed.working"),
    unreachable: t("embed.unreachable"),
    unreadable: t("embed.unreadable"),
  };
}

/** A charge as the prompt shows it: a failure's reason in the customer's language. */
function chargeIn(charge: ChargeView | null, t: Translator): ChargeView | null {
  return charge?.status === "failed" ? { ...charge, message: failureText(charge.kind, t) } : charge;
}

/** Dodo's preview of an upgrade, as the prompt draws it. */
function upgradeOf(q: QuoteView, fromName: string, toName: string, t: Translator): EmbedUpgrade {
  return {
    from: fromName, to: toName, charge_now: q.chargeNow, charge_now_label: t("embed.chargedNow", { amount: q.chargeNow }),
    tax: q.tax, credit: q.credit ? `${q.credit.label}: ${q.credit.amount}` : null,
    lines: q.lines.map((l) => {
      const name = l.quantity > 1 ? `${l.name} × ${l.quantity}` : l.name;
      return { name, amount: l.unitPrice, factor: l.factor, label: t("embed.billedFor", { line: name, factor: l.factor }) };
    }),
    new_plan: t("embed.newPlanLine", { plan: q.newPlan.name, price: q.newPlan.price, date: q.newPlan.nextBilling }), effective: q.effective, explanation: q.explanation,
    failure_note: q.failureNote, confirm_label: q.confirmLabel, quote_token: q.token,
  };
}

export function embedOfferOf(view: PromptView, locale: Locale): EmbedOffer {
  const t = translator(locale);
  if (view.kind === "upgrade") {
    const q = view.quote;
    return {
      impression_id: view.impressionId, moment: view.moment, kind: "upgrade", headline: view.headline, body: view.body,
      product_name: q.newPlan.name, badge: null, price: q.chargeNow, list_price: null, card: null, card_note: null, expires_at: view.expiresAt.toISOString(), charge: null, checkout_allowed: false,
      upgrade: upgradeOf(q, view.fromName, view.toName, t),
    };
  }
  const o = view.offer;
  const recurring = { billingInterval: o.product.billingInterval, billingIntervalCount: o.product.billingIntervalCount };
  const copy = copyFor(o, o.copies, locale);
  const card = o.card ? `${o.card.brand} •••• ${o.card.last4}` : null;
  return {
    impression_id: o.impressionId, moment: view.moment, kind: o.card ? "one_click" : "checkout", headline: copy.headline, body: copy.body, product_name: o.product.name,
    badge: o.badge ? badgeText(o.badge, locale) : null,
    price: formatPrice({ priceAmount: o.price.amount, currency: o.price.currency, ...recurring }, locale),
    list_price: o.listPrice.amount > o.price.amount ? formatMoney(o.listPrice, locale) : null,
    card, card_note: card ? t("embed.cardNote", { card }) : null,
    expires_at: o.expiresAt.toISOString(), charge: chargeIn(o.charge, t), checkout_allowed: !o.card || checkoutFallbackAllowed(o.charge), upgrade: null,
  };
}

/** The store's branding as the prompt draws it: its name, and its accent darkened to read on white (the store's own button shade). */
export type EmbedStore = { name: string; accent: string };

export async function embedStore(): Promise<EmbedStore> {
  const brand = await storeBrand();
  return { name: brand.name, accent: accentShades(brand.accentColor)["600"] };
}

/** The customer's current in-app offer, recorded as shown in the prompt, in the customer's language. */
export async function embedOffer(customer: SessionCustomer, locale: Locale, now = new Date()): Promise<EmbedOffer | null> {
  const view = await showMomentOffer(customer, "IN_APP", now, undefined, { locale });
  return view ? embedOfferOf(view, locale) : null;
}

export type EmbedAnswer =
  | { ok: true; charge?: ChargeView; message?: string; status?: string }
  /** `upgrade`: Dodo's numbers moved since the preview; nothing was charged, and this is the new preview to confirm. */
  | { ok: false; code: string; message: string; upgrade?: EmbedUpgrade };

/**
 * Accept: one click on the impression's frozen card, or the previewed upgrade through change-plan.
 * Answers in `locale` (the services word refusals in English for logs and the server API).
 */
export async function embedAccept(customer: SessionCustomer, input: { impressionId: string; quoteToken?: string }, locale: Locale, deps: { client?: DodoPayments } = {}): Promise<EmbedAnswer> {
  const t = translator(locale);
  if (input.quoteToken) {
    const result = await acceptUpgradeOffer({ impressionId: input.impressionId, customerId: customer.id, token: input.quoteToken }, { ...deps, locale });
    if (result.ok) return { ok: true, status: result.status, message: result.message };
    const fresh = "quote" in result && result.quote ? result.quote : null;
    return { ok: false, code: result.code, message: result.message, ...(fresh ? { upgrade: upgradeOf(fresh, "", fresh.newPlan.name, t) } : {}) }; // the prompt keeps its plan names
  }
  // An upgrade without its preview's token is refused there (needs_preview), in the same read as the charge's.
  const result = await acceptOffer({ impressionId: input.impressionId, customerId: customer.id }, deps);
  return result.ok ? { ok: true, charge: chargeIn(result.charge, t) ?? undefined } : { ok: false, code: result.code, message: acceptRefusalText(result.code, t) };
}

export async function embedStatus(customer: SessionCustomer, impressionId: string, locale: Locale): Promise<ChargeView | null> {
  return chargeIn(await chargeStatus({ impressionId, customerId: customer.id }), translator(locale));
}

export async function embedDecline(customer: SessionCustomer, impressionId: string, locale: Locale): Promise<EmbedAnswer> {
  const result = await declineOffer({ impressionId, customerId: customer.id });
  return result.ok ? { ok: true } : { ok: false, code: result.code, message: declineRefusalText(result.code, translator(locale)) };
}

/** The hosted-checkout fallback: Dodo's page for this offer at its frozen price. */
export async function embedCheckout(customer: SessionCustomer, impressionId: string, locale: Locale): Promise<{ ok: true; url: string } | { ok: false; code: string; message: string }> {
  const result = await startOfferCheckout(impressionId, customer);
  return result.ok ? { ok: true, url: result.url } : { ok: false, code: result.code, message: checkoutRefusalText(result.code, translator(locale)) };
}
