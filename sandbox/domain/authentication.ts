import type { SandboxCore } from "../core";
import { newId } from "../ids";
import type { PaymentMethodRecord, PaymentRecord } from "../state/types";
import { chargeOutcome, testCard } from "./cards";
import { attachCard } from "./customers";
import { emitPayment } from "./events";
import { failWithoutMethod, methodOf, runCharge } from "./payments";
import { paymentSettled } from "./settlement";

/**
 * 3-D Secure on the sandbox. A charge whose card asks for authentication waits in
 * `requires_customer_action`; the customer then completes or fails it on the sandbox's
 * `/authenticate/{payment_id}` page (standing in for Dodo's checkout SDK, which the SDK says takes
 * the `client_secret` and `publishable_key` a `confirm: true` session answers). Completed: the card
 * is charged and `payment.succeeded` follows; failed: `payment.failed` with AUTHENTICATION_FAILURE
 * (docs: api-reference/transaction-failures); not done within `authentication_window_ms`: the intent
 * lapses (UNCONFIRMED switch). Either way the subscription it pays for moves on as for any outcome.
 */

export type AuthenticationResult = "succeeded" | "failed";

/** The payment a client secret unlocks, while it is waiting for the customer. */
export function pendingAuthentication(core: SandboxCore, paymentId: string, clientSecret: string): PaymentRecord | null {
  const record = core.state.payments[paymentId];
  if (!record || !record.client_secret || record.client_secret !== clientSecret) return null;
  return record;
}

export function finishAuthentication(core: SandboxCore, record: PaymentRecord, completed: boolean): AuthenticationResult {
  if (!completed) {
    fail(core, record, "AUTHENTICATION_FAILURE", "The customer did not complete 3-D Secure authentication.");
    return "failed";
  }
  const method = authenticatedMethod(core, record);
  if (!method) {
    failWithoutMethod(core, record);
    paymentSettled(core, record, false);
    return "failed";
  }
  const result = runCharge(core, record, method, true);
  record.pending_card = null;
  paymentSettled(core, record, result === "succeeded");
  return result === "succeeded" ? "succeeded" : "failed";
}

/** Intents nobody authenticated in time lapse: `failed` (AUTHENTICATION_REQUIRED) or `cancelled`, per the switch. */
export function lapseAuthentications(core: SandboxCore): number {
  const now = Date.parse(core.now());
  const lapsed = Object.values(core.state.payments).filter(
    (p) => p.status === "requires_customer_action" && p.authentication_expires_at !== null && Date.parse(p.authentication_expires_at) <= now,
  );
  for (const record of lapsed) {
    if (core.settings.authentication_lapse === "cancelled") {
      record.status = "cancelled";
      record.updated_at = core.now();
      record.pending_card = null;
      core.changed();
      emitPayment(core, "payment.cancelled", record);
      paymentSettled(core, record, false);
    } else {
      fail(core, record, "AUTHENTICATION_REQUIRED", "The payment needed 3-D Secure authentication that was not completed in time.");
    }
  }
  return lapsed.length;
}

function fail(core: SandboxCore, record: PaymentRecord, errorCode: string, message: string): void {
  record.status = "failed";
  record.error_code = errorCode;
  record.error_message = message;
  record.updated_at = core.now();
  record.pending_card = null;
  core.changed();
  emitPayment(core, "payment.failed", record);
  paymentSettled(core, record, false);
}

/**
 * The card to charge now that the customer authenticated: the saved one (off-session charges), or
 * the one typed on the hosted page, saved to the customer only if the charge is going to succeed (a
 * declined card is never saved, as on the hosted page).
 */
function authenticatedMethod(core: SandboxCore, record: PaymentRecord): PaymentMethodRecord | null {
  const typed = record.pending_card;
  if (!typed) return methodOf(core, record);
  const context = { offSession: false, authenticated: true, force3ds: record.force_3ds };
  if (chargeOutcome(typed.card_number, context).kind === "succeeded") {
    return attachCard(core, record.customer_id, { card_number: typed.card_number, card_holder_name: typed.holder, currency: record.currency });
  }
  return unsavedMethod(core, record.customer_id, typed.card_number, typed.holder);
}

/** A card used for one charge and not kept (declined cards from the hosted page). */
export function unsavedMethod(core: SandboxCore, customerId: string, cardNumber: string, holder: string | null): PaymentMethodRecord {
  return {
    seq: 0, payment_method_id: newId("pm"), customer_id: customerId, card_number: cardNumber, expiry_month: "12",
    expiry_year: "2034", card_holder_name: holder, card_issuing_country: testCard(cardNumber)?.country ?? "US",
    currency: "USD", created_at: core.now(), last_used_at: null,
  };
}
