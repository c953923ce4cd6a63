import type { BillingAddress, CountryCode } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError } from "../http/errors";
import { newId } from "../ids";
import type { CheckoutRecord, PaymentRecord, SubscriptionRecord } from "../state/types";
import { finishAuthentication, unsavedMethod } from "../domain/authentication";
import { chargeOutcome, testCard } from "../domain/cards";
import { getCheckout, hostedUrl, repriceSession, resolveCustomer, startPurchase } from "../domain/checkouts";
import { attachCard } from "../domain/customers";
import { emitSubscription } from "../domain/events";
import { authenticationUrl, createPayment, markRequiresAuthentication, runCharge } from "../domain/payments";
import { paymentSettled } from "../domain/settlement";
import { duesSettled } from "../domain/subscriptions";

export interface HostedForm {
  card_number: string;
  email: string;
  name: string;
  country: string;
  zipcode: string;
  /** Full-address fields; a session with `minimal_address` does not ask for them. */
  street: string;
  city: string;
  state: string;
}

/** A problem the person can fix on the page (shown above the form, HTTP 422). */
export class HostedFormError extends Error {}

const UPDATE_SESSION_TTL_MS = 24 * 3_600_000;

/** Opens a hosted page where the customer adds a new card for a subscription (`type: "new"`). */
export function openUpdateSession(core: SandboxCore, sub: SubscriptionRecord, returnUrl: string | null): { url: string; expires_at: string } {
  const now = core.now();
  const customer = core.state.customers[sub.customer_id]!.customer;
  const session: CheckoutRecord = {
    seq: core.nextSeq(),
    session_id: newId("cks"),
    kind: "update_payment_method",
    created_at: now,
    expires_at: new Date(Date.parse(now) + UPDATE_SESSION_TTL_MS).toISOString(),
    cart: [],
    currency: sub.currency,
    customer_id: sub.customer_id,
    customer_email: customer.email,
    customer_name: customer.name,
    always_create_new_customer: false,
    minimal_address: false,
    billing: sub.billing,
    return_url: returnUrl,
    cancel_url: null,
    metadata: {},
    discount_ids: [],
    subscription_id: sub.subscription_id,
    payment_id: null,
    completed: false,
    force_3ds: false,
  };
  core.state.checkouts[session.session_id] = session;
  core.changed();
  return { url: hostedUrl(core, session.session_id), expires_at: session.expires_at };
}

/**
 * The person pressed "Pay": charge the chosen test card on-session, save it to the customer when it
 * goes through, and answer the URL the browser goes to next (the bank's authentication page first
 * when the card asks for 3-D Secure).
 */
export function payHostedCheckout(core: SandboxCore, sessionId: string, form: HostedForm): string {
  const session = getCheckout(core, sessionId);
  if (session.completed) throw new HostedFormError("This checkout is already complete.");
  if (Date.parse(session.expires_at) < Date.parse(core.now())) throw new HostedFormError("This checkout has expired.");
  const card = testCard(form.card_number);
  if (!card) throw new HostedFormError("Pick one of the test cards.");
  if (!/^[^@\s]+@[^@\s]+$/.test(form.email)) throw new HostedFormError("Enter a valid email.");
  if (!/^[A-Z]{2}$/.test(form.country)) throw new HostedFormError("Pick a country.");
  if (!form.zipcode.trim()) throw new HostedFormError("Enter a ZIP / postal code.");

  session.billing = billingFrom(session, form);
  const next = session.kind === "update_payment_method" ? replaceSubscriptionMethod(core, session, form) : purchase(core, session, form);
  session.completed = true;
  core.changed();
  return "authenticate" in next ? next.authenticate : returnTarget(core, session, next);
}

/**
 * What the page collected. Whether Dodo's own page insists on street, city and state without
 * `minimal_address` is UNCONFIRMED: here they are optional, so a payment's address can be complete
 * (what one-click may then send as it is) or country + zip only (one-click must add minimal_address).
 */
function billingFrom(session: CheckoutRecord, form: HostedForm): BillingAddress {
  const optional = (value: string) => (session.minimal_address || !value.trim() ? null : value.trim());
  return { country: form.country as CountryCode, zipcode: form.zipcode.trim(), street: optional(form.street), city: optional(form.city), state: optional(form.state) };
}

type Outcome = { subscription_id: string; status: string } | { payment_id: string; status: string };

function purchase(core: SandboxCore, session: CheckoutRecord, form: HostedForm): Outcome | { authenticate: string } {
  session.customer_id ??= resolveCustomer(core, session, form.email, form.name || null);
  const existing = session.payment_id ? core.state.payments[session.payment_id] : undefined;
  // A payment made at `confirm: true` already holds its price; otherwise codes are checked before the card is touched.
  if (!existing) discountFormError(() => repriceSession(core, session));
  const payment = existing ?? startPurchase(core, session, null, false);
  payment.billing = session.billing!;
  payment.off_session = false;
  const holder = form.name || null;
  const outcome = chargeOutcome(form.card_number, { offSession: false, authenticated: false, force3ds: payment.force_3ds });
  if (outcome.kind === "requires_customer_action") {
    // The card is kept aside and saved only once the authenticated charge goes through.
    payment.pending_card = { card_number: form.card_number, holder };
    markRequiresAuthentication(core, payment);
    return { authenticate: authenticationUrl(core, payment) };
  }
  // A declined card is not saved; the charge is still recorded against a one-off method.
  const method = outcome.kind === "succeeded"
    ? attachCard(core, session.customer_id, { card_number: form.card_number, card_holder_name: holder, currency: session.currency })
    : unsavedMethod(core, session.customer_id, form.card_number, holder);
  const paid = runCharge(core, payment, method) === "succeeded";
  if (!paid) payment.payment_method_id = null;
  paymentSettled(core, payment, paid);
  return outcomeOf(core, payment);
}

/** The query Dodo appends to `return_url`: `payment_id` (one-time) or `subscription_id` (subscriptions), and `status`. */
function outcomeOf(core: SandboxCore, payment: PaymentRecord): Outcome {
  const sub = payment.subscription_id ? core.state.subscriptions[payment.subscription_id] : undefined;
  if (!sub) return { payment_id: payment.payment_id, status: payment.status };
  return { subscription_id: sub.subscription_id, status: sub.status };
}

/**
 * The customer finished the authentication page: the payment's outcome, then back to the session's
 * `return_url` with Dodo's query (or null when there is nowhere to return to).
 */
export function completeAuthentication(core: SandboxCore, payment: PaymentRecord, completed: boolean): string | null {
  finishAuthentication(core, payment, completed);
  const session = payment.checkout_session_id ? core.state.checkouts[payment.checkout_session_id] : undefined;
  if (!session?.return_url) return null;
  return returnTarget(core, session, outcomeOf(core, payment));
}

/** A code that no longer redeems is something the buyer sees on the page, not an API error. */
function discountFormError(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 422 || error.status === 503)) throw new HostedFormError(error.message);
    throw error;
  }
}

function replaceSubscriptionMethod(core: SandboxCore, session: CheckoutRecord, form: HostedForm): Outcome {
  const sub = core.state.subscriptions[session.subscription_id!]!;
  const saving = chargeOutcome(form.card_number, { offSession: false, authenticated: false, force3ds: false });
  // Saving a card is authenticated on the page itself (UNCONFIRMED: no separate challenge step is modelled for it).
  if (saving.kind === "failed") return { subscription_id: sub.subscription_id, status: "failed" };
  const method = attachCard(core, sub.customer_id, { card_number: form.card_number, card_holder_name: form.name || null, currency: sub.currency });
  sub.payment_method_id = method.payment_method_id;
  core.changed();
  emitSubscription(core, "subscription.updated", sub);
  if (sub.status === "on_hold" && sub.dues > 0) {
    const payment = createPayment(core, {
      purpose: "dues", customer_id: sub.customer_id, currency: sub.currency, total_amount: sub.dues, billing: sub.billing,
      metadata: sub.metadata, method, off_session: false, subscription_id: sub.subscription_id, checkout_session_id: session.session_id,
    });
    duesSettled(core, sub, runCharge(core, payment, method, true) === "succeeded");
  }
  return { subscription_id: sub.subscription_id, status: sub.status };
}

/**
 * `return_url` plus the query Dodo documents (docs: checkout-session, return_url): `payment_id`
 * (one-time) or `subscription_id` (subscriptions), `status`, and `email` when the customer has one
 * (`license_key` is not modelled). Any `return_url` works, whoever created the session.
 */
export function returnTarget(core: SandboxCore, session: CheckoutRecord, outcome: Outcome): string {
  if (!session.return_url) return hostedUrl(core, session.session_id);
  const url = new URL(session.return_url);
  for (const [key, value] of Object.entries(outcome)) url.searchParams.set(key, value);
  const email = session.customer_id ? core.state.customers[session.customer_id]?.customer.email : null;
  if (email) url.searchParams.set("email", email);
  return url.toString();
}
