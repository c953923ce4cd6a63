import type { CountryCode } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError } from "../http/errors";
import { newId } from "../ids";
import type { CheckoutRecord, PaymentMethodRecord, SubscriptionRecord } from "../state/types";
import { chargeOutcome, testCard } from "../domain/cards";
import { getCheckout, hostedUrl, repriceSession, resolveCustomer, startPurchase } from "../domain/checkouts";
import { attachCard } from "../domain/customers";
import { createPayment, runCharge } from "../domain/payments";
import { emitSubscription } from "../domain/events";
import { activateNewSubscription, duesSettled, failNewSubscription } from "../domain/subscriptions";

export interface HostedForm {
  card_number: string;
  email: string;
  name: string;
  country: string;
  zipcode: string;
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
  };
  core.state.checkouts[session.session_id] = session;
  core.changed();
  return { url: hostedUrl(core, session.session_id), expires_at: session.expires_at };
}

/**
 * The person pressed "Pay": charge the chosen test card on-session, save it to the customer when it
 * goes through, and answer the URL the browser goes to next.
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

  session.billing = { country: form.country as CountryCode, zipcode: form.zipcode.trim() };
  const result = session.kind === "update_payment_method" ? replaceSubscriptionMethod(core, session, form) : purchase(core, session, form);
  session.completed = true;
  core.changed();
  return returnTarget(core, session, result);
}

type Outcome = { subscription_id: string; status: string } | { payment_id: string; status: string };

function purchase(core: SandboxCore, session: CheckoutRecord, form: HostedForm): Outcome {
  session.customer_id ??= resolveCustomer(core, session, form.email, form.name || null);
  const existing = session.payment_id ? core.state.payments[session.payment_id] : undefined;
  // A payment made at `confirm: true` already holds its price; otherwise codes are checked before the card is touched.
  if (!existing) discountFormError(() => repriceSession(core, session));
  const ok = chargeOutcome(form.card_number, false).ok;
  // A declined card is not saved; the charge is still recorded against a one-off method.
  const method = ok
    ? attachCard(core, session.customer_id, { card_number: form.card_number, card_holder_name: form.name || null, currency: session.currency })
    : oneOffMethod(core, session.customer_id, form);
  const payment = existing ?? startPurchase(core, session, null, false);
  payment.billing = session.billing!;
  payment.off_session = false;
  const paid = runCharge(core, payment, method);
  if (!paid) payment.payment_method_id = null;

  const sub = payment.subscription_id ? core.state.subscriptions[payment.subscription_id] : undefined;
  if (!sub) return { payment_id: payment.payment_id, status: payment.status };
  if (paid) activateNewSubscription(core, sub, method.payment_method_id);
  else failNewSubscription(core, sub);
  return { subscription_id: sub.subscription_id, status: sub.status };
}

/** A code that no longer redeems is something the buyer sees on the page, not an API error. */
function discountFormError(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) throw new HostedFormError(error.message);
    throw error;
  }
}

function replaceSubscriptionMethod(core: SandboxCore, session: CheckoutRecord, form: HostedForm): Outcome {
  const sub = core.state.subscriptions[session.subscription_id!]!;
  if (!chargeOutcome(form.card_number, false).ok) return { subscription_id: sub.subscription_id, status: "failed" };
  const method = attachCard(core, sub.customer_id, { card_number: form.card_number, card_holder_name: form.name || null, currency: sub.currency });
  sub.payment_method_id = method.payment_method_id;
  core.changed();
  emitSubscription(core, "subscription.updated", sub);
  if (sub.status === "on_hold" && sub.dues > 0) {
    const payment = createPayment(core, {
      purpose: "dues", customer_id: sub.customer_id, currency: sub.currency, total_amount: sub.dues, billing: sub.billing,
      metadata: sub.metadata, method, off_session: false, subscription_id: sub.subscription_id, checkout_session_id: session.session_id,
    });
    duesSettled(core, sub, runCharge(core, payment, method));
  }
  return { subscription_id: sub.subscription_id, status: sub.status };
}

function oneOffMethod(core: SandboxCore, customerId: string, form: HostedForm): PaymentMethodRecord {
  return {
    seq: 0, payment_method_id: newId("pm"), customer_id: customerId, card_number: form.card_number, expiry_month: "12",
    expiry_year: "2034", card_holder_name: form.name || null, card_issuing_country: testCard(form.card_number)!.country,
    currency: "USD", created_at: core.now(), last_used_at: null,
  };
}

/** `return_url?payment_id=…&status=…` (one-time) or `?subscription_id=…&status=…` (subscriptions). */
function returnTarget(core: SandboxCore, session: CheckoutRecord, outcome: Outcome): string {
  if (!session.return_url) return hostedUrl(core, session.session_id);
  const url = new URL(session.return_url);
  for (const [key, value] of Object.entries(outcome)) url.searchParams.set(key, value);
  return url.toString();
}
