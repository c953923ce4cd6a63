import type { Currency } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { HOSTED_PAGE_CARDS } from "../domain/cards";
import type { CheckoutRecord, PaymentRecord } from "../state/types";

const COUNTRIES = [
  ["US", "United States"], ["GB", "United Kingdom"], ["DE", "Germany"], ["FR", "France"],
  ["IN", "India"], ["CA", "Canada"], ["AU", "Australia"],
] as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatMoney(amount: number, currency: Currency): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#f4f4f7;margin:0;padding:2rem;color:#1d1d27}
main{max-width:30rem;margin:auto;background:#fff;border-radius:12px;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
.banner{background:#fff4d6;border:1px solid #e6c35c;padding:.4rem .7rem;border-radius:6px;font-size:.85rem}
table{width:100%;border-collapse:collapse}td{padding:.3rem 0}td:last-child{text-align:right}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}input,select{width:100%;padding:.5rem;box-sizing:border-box}
fieldset{border:1px solid #ddd;border-radius:6px;margin-top:1rem}fieldset label{font-weight:400;display:flex;gap:.5rem}
fieldset input{width:auto}button{margin-top:1.2rem;width:100%;padding:.8rem;font-size:1rem;background:#1d1d27;color:#fff;border:0;border-radius:6px}
.error{color:#b00020;font-weight:600}button.secondary{background:#fff;color:#1d1d27;border:1px solid #1d1d27}
</style></head><body><main><p class="banner">Encore sandbox — test mode, no real money moves.</p>${body}</main></body></html>`;
}

export function checkoutPage(core: SandboxCore, session: CheckoutRecord, error: string | null): string {
  if (session.completed) {
    // A finished session links back to the merchant (its return_url) rather than leaving a dead
    // end (UNCONFIRMED: what Dodo's page shows for a finished session).
    const back = session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">Return to the store</a></p>` : "";
    return layout("Checkout complete", `<h1>Checkout complete</h1><p>This checkout has been completed: it has already been paid.</p>${back}`);
  }
  const customer = session.customer_id ? core.state.customers[session.customer_id]?.customer : undefined;
  const email = customer?.email ?? session.customer_email ?? "";
  const name = customer?.name ?? session.customer_name ?? "";
  const country = session.billing?.country ?? "US";
  const zipcode = session.billing?.zipcode ?? "";
  const address = (field: "street" | "city" | "state", label: string) =>
    `<label for="${field}">${label} <small>(optional in the sandbox)</small></label><input id="${field}" name="${field}" value="${escapeHtml(session.billing?.[field] ?? "")}">`;
  const fullAddress = session.minimal_address ? "" : `${address("street", "Street address")}${address("city", "City")}${address("state", "State / region")}`;
  const isUpdate = session.kind === "update_payment_method";
  const discount = session.cart.reduce((sum, line) => sum + line.discount, 0);
  const total = session.cart.reduce((sum, line) => sum + line.amount, 0) - discount;
  const rows = session.cart
    .map((line) => {
      const product = core.state.products[line.product_id]?.product;
      return `<tr><td>${escapeHtml(product?.name ?? line.product_id)} × ${line.quantity}</td><td>${formatMoney(line.amount, session.currency)}</td></tr>`;
    })
    .join("");
  const discountRow = discount > 0 ? `<tr><td>Discount</td><td>−${formatMoney(discount, session.currency)}</td></tr>` : "";
  const cards = HOSTED_PAGE_CARDS.map(
    (card, i) => `<label><input type="radio" name="card_number" value="${card.number}"${i === 0 ? " checked" : ""}> ${escapeHtml(card.label)}</label>`,
  ).join("");
  const countryOptions = COUNTRIES.map(
    ([code, label]) => `<option value="${code}"${code === country ? " selected" : ""}>${label}</option>`,
  ).join("");
  const summary = isUpdate
    ? `<h1>Update payment method</h1><p>Add a card for your subscription.</p>`
    : `<h1>Checkout</h1><table>${rows}${discountRow}<tr><td><strong>Total</strong></td><td><strong>${formatMoney(total, session.currency)}</strong></td></tr></table>`;
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>` : "";
  return layout(
    isUpdate ? "Update payment method" : "Checkout",
    `${summary}${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/checkout/${session.session_id}">
<label for="email">Email</label><input id="email" name="email" type="email" required value="${escapeHtml(email)}">
<label for="name">Name on card</label><input id="name" name="name" required value="${escapeHtml(name)}">
<label for="country">Country</label><select id="country" name="country">${countryOptions}</select>
${fullAddress}
<label for="zipcode">ZIP / postal code</label><input id="zipcode" name="zipcode" required value="${escapeHtml(zipcode)}">
<fieldset><legend>Test card</legend>${cards}</fieldset>
<button type="submit">${isUpdate ? "Save card" : `Pay ${formatMoney(total, session.currency)}`}</button>
</form>${cancel}`,
  );
}

/** The issuer's 3-D Secure challenge, as the customer would meet it after Dodo's checkout SDK opened it. */
export function authenticationPage(core: SandboxCore, payment: PaymentRecord): string {
  const amount = formatMoney(payment.total_amount, payment.currency);
  const card = payment.pending_card?.card_number.slice(-4) ?? payment.card?.last4 ?? "";
  if (payment.status !== "requires_customer_action") {
    const done = payment.status === "succeeded" ? "The payment went through." : "The payment did not go through.";
    return layout("Authentication", `<h1>Authentication finished</h1><p>${escapeHtml(done)}</p><p>Status: <strong>${escapeHtml(payment.status ?? "")}</strong></p>`);
  }
  return layout(
    "Confirm your payment",
    `<h1>Confirm your payment</h1>
<p>Your bank asks you to confirm a payment of <strong>${amount}</strong> with the card ending ${escapeHtml(card)}.</p>
<p>This is the sandbox's stand-in for the bank's 3-D Secure step.</p>
<form method="post" action="/authenticate/${payment.payment_id}">
<input type="hidden" name="client_secret" value="${escapeHtml(payment.client_secret ?? "")}">
<button type="submit" name="outcome" value="complete">Complete authentication</button>
<button type="submit" name="outcome" value="fail" class="secondary">Fail authentication</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

/** The customer portal link target: read-only list of the customer's subscriptions and saved cards. */
export function portalPage(core: SandboxCore, customerId: string): string | null {
  const customer = core.state.customers[customerId]?.customer;
  if (!customer) return null;
  const subs = Object.values(core.state.subscriptions).filter((s) => s.customer_id === customerId);
  const cards = Object.values(core.state.payment_methods).filter((m) => m.customer_id === customerId);
  const subRows = subs
    .map((s) => `<tr><td>${escapeHtml(core.state.products[s.plan.product_id]?.product.name ?? s.plan.product_id)}</td><td>${s.status}</td></tr>`)
    .join("");
  const cardRows = cards.map((m) => `<tr><td>•••• ${m.card_number.slice(-4)}</td><td>${m.expiry_month}/${m.expiry_year}</td></tr>`).join("");
  return layout(
    "Customer portal",
    `<h1>${escapeHtml(customer.name)}</h1><p>${escapeHtml(customer.email)}</p>
<h2>Subscriptions</h2><table>${subRows || "<tr><td>None</td></tr>"}</table>
<h2>Saved cards</h2><table>${cardRows || "<tr><td>None</td></tr>"}</table>`,
  );
}
