import type { Currency, Customer, CustomerCreateParams, CustomerUpdateParams } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError, conflict, invalid, notFound } from "../http/errors";
import { createdWithin, newestFirst } from "../http/input";
import { newId } from "../ids";
import type { PaymentMethodRecord } from "../state/types";
import { testCard } from "./cards";

export function getCustomer(core: SandboxCore, customerId: string): Customer {
  const record = core.state.customers[customerId];
  if (!record) throw notFound("Customer", customerId);
  return record.customer;
}

export function createCustomer(core: SandboxCore, params: CustomerCreateParams): Customer {
  if (core.settings.dedupe_customers_by_email) {
    const existing = findCustomerByEmail(core, params.email);
    if (existing) return existing;
  }
  const customer = {
    business_id: core.state.business_id,
    created_at: core.now(),
    customer_id: newId("cus"),
    email: params.email,
    name: params.name,
    blocked_at: null,
    blocklist_entry_id: null,
    metadata: params.metadata ?? {},
    phone_number: params.phone_number ?? null,
  } satisfies Required<Customer>;
  core.state.customers[customer.customer_id] = { seq: core.nextSeq(), customer };
  core.changed();
  return customer;
}

/** Most recently created customer with this email (checkout reuses it, as Dodo's docs describe). */
export function findCustomerByEmail(core: SandboxCore, email: string): Customer | undefined {
  const wanted = email.toLowerCase();
  return newestFirst(Object.values(core.state.customers)).find((r) => r.customer.email.toLowerCase() === wanted)?.customer;
}

export function updateCustomer(core: SandboxCore, customerId: string, params: CustomerUpdateParams): Customer {
  const customer = getCustomer(core, customerId);
  if (params.email != null) customer.email = params.email;
  if (params.name != null) customer.name = params.name;
  if (params.phone_number !== undefined) customer.phone_number = params.phone_number;
  if (params.metadata != null) customer.metadata = params.metadata;
  core.changed();
  return customer;
}

export function listCustomers(core: SandboxCore, query: URLSearchParams): Customer[] {
  const email = query.get("email")?.toLowerCase();
  const name = query.get("name")?.toLowerCase();
  return newestFirst(Object.values(core.state.customers))
    .map((r) => r.customer)
    .filter((c) => !email || c.email.toLowerCase().includes(email))
    .filter((c) => !name || c.name.toLowerCase().includes(name))
    .filter((c) => createdWithin(query, c.created_at));
}

export function customerMethods(core: SandboxCore, customerId: string): PaymentMethodRecord[] {
  getCustomer(core, customerId);
  return newestFirst(Object.values(core.state.payment_methods).filter((m) => m.customer_id === customerId));
}

export interface AttachCardInput {
  card_number: string;
  expiry_month?: string;
  expiry_year?: string;
  card_holder_name?: string | null;
  currency?: Currency;
}

/** Saves a test card for a customer (hosted checkout, or the control plane standing in for it). */
export function attachCard(core: SandboxCore, customerId: string, input: AttachCardInput): PaymentMethodRecord {
  const customer = getCustomer(core, customerId);
  const card = testCard(input.card_number);
  if (!card) throw invalid(`${input.card_number} is not a Dodo test card`);
  const method: PaymentMethodRecord = {
    seq: core.nextSeq(),
    payment_method_id: newId("pm"),
    customer_id: customer.customer_id,
    card_number: input.card_number,
    expiry_month: input.expiry_month ?? "12",
    expiry_year: input.expiry_year ?? "2034",
    card_holder_name: input.card_holder_name ?? customer.name,
    card_issuing_country: card.country,
    currency: input.currency ?? "USD",
    created_at: core.now(),
    last_used_at: null,
  };
  core.state.payment_methods[method.payment_method_id] = method;
  core.changed();
  return method;
}

export function deletePaymentMethod(core: SandboxCore, customerId: string, paymentMethodId: string): void {
  getCustomer(core, customerId);
  const method = core.state.payment_methods[paymentMethodId];
  if (!method || method.customer_id !== customerId) throw notFound("Payment method", paymentMethodId);
  const inUse = Object.values(core.state.subscriptions).some(
    (s) => s.payment_method_id === paymentMethodId && (s.status === "active" || s.status === "on_hold"),
  );
  if (inUse) throw conflict("Payment method is in use by an active subscription", "PAYMENT_METHOD_IN_USE");
  delete core.state.payment_methods[paymentMethodId];
  core.changed();
}

/**
 * The saved method a one-click charge may use: it must exist, belong to the customer and, unless the
 * switch is off, have been saved in the charge's currency.
 */
export function usableMethod(core: SandboxCore, customerId: string, paymentMethodId: string, currency: Currency): PaymentMethodRecord {
  const method = core.state.payment_methods[paymentMethodId];
  if (!method || method.customer_id !== customerId) {
    throw new ApiError(422, "INVALID_REQUEST_PARAMETERS", `Payment method ${paymentMethodId} does not belong to customer ${customerId}`);
  }
  if (core.settings.enforce_method_currency && method.currency !== currency) {
    throw new ApiError(422, "NO_ELIGIBLE_PAYMENT_METHODS", `Payment method ${paymentMethodId} is not eligible for ${currency}`);
  }
  return method;
}
