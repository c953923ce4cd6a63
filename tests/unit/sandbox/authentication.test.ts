// 3-D Secure on the sandbox. Dodo documents `requires_customer_action` (SDK IntentStatus), the
// checkout response's `client_secret` + `publishable_key` for its checkout SDK, `force_3ds`, and the
// AUTHENTICATION_FAILURE / AUTHENTICATION_REQUIRED decline codes; the test card (Stripe's 3155), the
// authentication page and the lapse are the sandbox's UNCONFIRMED stand-ins (README).
import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS, SEED_SUBSCRIPTIONS } from "../../../sandbox/seed";
import { payHostedPage, submitAuthentication, useSandbox } from "./helpers";

const t = useSandbox({ receiver: true });

const AUTH_CARD = "4000002500003155";
const billing = { country: "US" as const, zipcode: "94107" };
const types = () => t.receiver.received.map((w) => w.type);

async function authCardFor(customerId: string): Promise<string> {
  const method = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${customerId}/payment-methods`, { card_number: AUTH_CARD });
  return method.payment_method_id;
}

function oneClick(customerId: string, paymentMethodId: string, extra: Record<string, unknown> = {}) {
  return t.client.checkoutSessions.create({
    product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }], customer: { customer_id: customerId }, payment_method_id: paymentMethodId,
    confirm: true, minimal_address: true, billing_address: billing, return_url: "http://127.0.0.1:3999/account?from=offer", ...extra,
  });
}

describe("an off-session charge on the authentication card", () => {
  it("waits in requires_customer_action with the client secret, then completes on the authentication page", async () => {
    const methodId = await authCardFor(SEED_CUSTOMERS.fresh);
    const session = await oneClick(SEED_CUSTOMERS.fresh, methodId);
    expect(session).toMatchObject({ checkout_url: null, client_secret: expect.any(String), publishable_key: expect.any(String) });
    await t.control("POST", "/_sandbox/settle");
    const waiting = await t.client.payments.retrieve(session.payment_id!);
    expect(waiting).toMatchObject({ status: "requires_customer_action", error_code: null });
    expect(waiting.payment_link).toBe(`${t.sandbox.url}/authenticate/${session.payment_id}?client_secret=${encodeURIComponent(session.client_secret!)}`);
    expect(await t.client.checkoutSessions.retrieve(session.session_id)).toMatchObject({ payment_status: "requires_customer_action" });

    const page = await (await fetch(waiting.payment_link!)).text();
    expect(page).toContain("$19.00");
    expect(page).toContain("Complete authentication");
    const back = await submitAuthentication(waiting.payment_link!, "complete");
    expect(back.status).toBe(303);
    const target = new URL(back.location!);
    expect([target.pathname, target.searchParams.get("from"), target.searchParams.get("payment_id"), target.searchParams.get("status")]).toEqual(["/account", "offer", session.payment_id, "succeeded"]);
    expect(target.searchParams.get("email")).toBe("fresh@example.com");
    expect(await t.client.payments.retrieve(session.payment_id!)).toMatchObject({ status: "succeeded", card_last_four: "3155" });
    await t.receiver.waitFor(() => types().includes("payment.succeeded"));
    expect(types()).toEqual(["payment.succeeded"]);
    // Done once: the page now only reports the outcome.
    expect((await submitAuthentication(waiting.payment_link!, "complete")).status).toBe(409);
  });

  it("failing authentication fails the payment with AUTHENTICATION_FAILURE (payment.failed)", async () => {
    const session = await oneClick(SEED_CUSTOMERS.fresh, await authCardFor(SEED_CUSTOMERS.fresh));
    await t.control("POST", "/_sandbox/settle");
    const link = (await t.client.payments.retrieve(session.payment_id!)).payment_link!;
    const back = new URL((await submitAuthentication(link, "fail")).location!);
    expect(back.searchParams.get("status")).toBe("failed");
    expect(await t.client.payments.retrieve(session.payment_id!)).toMatchObject({ status: "failed", error_code: "AUTHENTICATION_FAILURE" });
    await t.receiver.waitFor(() => types().includes("payment.failed"));
  });

  it("a wrong client secret opens nothing", async () => {
    const session = await oneClick(SEED_CUSTOMERS.fresh, await authCardFor(SEED_CUSTOMERS.fresh));
    await t.control("POST", "/_sandbox/settle");
    const response = await fetch(`${t.sandbox.url}/authenticate/${session.payment_id}?client_secret=nope`);
    expect(response.status).toBe(404);
    expect((await submitAuthentication(`${t.sandbox.url}/authenticate/${session.payment_id}?client_secret=nope`, "complete")).status).toBe(404);
    expect((await t.client.payments.retrieve(session.payment_id!)).status).toBe("requires_customer_action");
  });

  it("lapses after the authentication window: failed AUTHENTICATION_REQUIRED, or cancelled with the switch", async () => {
    const first = await oneClick(SEED_CUSTOMERS.fresh, await authCardFor(SEED_CUSTOMERS.fresh));
    await t.control("POST", "/_sandbox/settle");
    await t.control("POST", "/_sandbox/clock", { advance_ms: 16 * 60_000 });
    expect(await t.client.payments.retrieve(first.payment_id!)).toMatchObject({ status: "failed", error_code: "AUTHENTICATION_REQUIRED" });

    await t.control("POST", "/_sandbox/settings", { authentication_lapse: "cancelled" });
    const second = await oneClick(SEED_CUSTOMERS.fresh, await authCardFor(SEED_CUSTOMERS.fresh));
    await t.control("POST", "/_sandbox/settle");
    await t.control("POST", "/_sandbox/clock", { advance_ms: 16 * 60_000 });
    expect((await t.client.payments.retrieve(second.payment_id!)).status).toBe("cancelled");
    await t.receiver.waitFor(() => types().includes("payment.cancelled"));
  });

  it("without the payment_link switch only the client secret leads to the page", async () => {
    await t.control("POST", "/_sandbox/settings", { authentication_payment_link: false });
    const session = await oneClick(SEED_CUSTOMERS.fresh, await authCardFor(SEED_CUSTOMERS.fresh));
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.payments.retrieve(session.payment_id!)).payment_link).toBeNull();
    const link = `${t.sandbox.url}/authenticate/${session.payment_id}?client_secret=${encodeURIComponent(session.client_secret!)}`;
    expect((await submitAuthentication(link, "complete")).status).toBe(303);
    expect((await t.client.payments.retrieve(session.payment_id!)).status).toBe("succeeded");
  });

  it("force_3ds makes any card authenticate (SDK: override merchant default 3DS behaviour)", async () => {
    const session = await oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa, { force_3ds: true });
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.payments.retrieve(session.payment_id!)).status).toBe("requires_customer_action");
  });
});

describe("the authentication card on the hosted page", () => {
  it("is offered, asks for authentication after Pay, saves the card only once the charge succeeds", async () => {
    const session = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.fresh }, return_url: "http://127.0.0.1:3999/thanks",
    });
    expect(await (await fetch(session.checkout_url!)).text()).toContain(`value="${AUTH_CARD}"`);
    const paid = await payHostedPage(session.checkout_url!, { card_number: AUTH_CARD });
    expect(paid.location).toMatch(new RegExp(`^${t.sandbox.url}/authenticate/pay_`));
    expect((await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.fresh)).items).toEqual([]);
    const back = new URL((await submitAuthentication(paid.location!, "complete")).location!);
    expect([back.pathname, back.searchParams.get("status")]).toEqual(["/thanks", "succeeded"]);
    expect((await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.fresh)).items.map((m) => m.card?.last4_digits)).toEqual(["3155"]);
  });

  it("a subscription bought with a failed authentication fails (subscription.failed), and nothing is saved", async () => {
    const session = await t.client.checkoutSessions.create({ product_cart: [{ product_id: SEED_PRODUCTS.pro_monthly, quantity: 1 }], return_url: "http://127.0.0.1:3999/welcome" });
    const paid = await payHostedPage(session.checkout_url!, { card_number: AUTH_CARD, email: "auth@example.com" });
    const back = new URL((await submitAuthentication(paid.location!, "fail")).location!);
    expect(back.searchParams.get("status")).toBe("failed");
    expect((await t.client.subscriptions.retrieve(back.searchParams.get("subscription_id")!)).status).toBe("failed");
    await t.receiver.waitFor(() => types().includes("subscription.failed"));
  });
});

describe("subscriptions on the authentication card", () => {
  async function onAuthCard(): Promise<string> {
    const methodId = await authCardFor(SEED_CUSTOMERS.demo);
    await t.client.subscriptions.updatePaymentMethod(SEED_SUBSCRIPTIONS.demo_basic, { payment_method: { type: "existing", payment_method_id: methodId } });
    return methodId;
  }

  it("a prevent_change upgrade stays pending until the customer authenticates, then applies", async () => {
    await onAuthCard();
    const result = await t.client.subscriptions.changePlan(SEED_SUBSCRIPTIONS.demo_basic, {
      product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "difference_immediately", on_payment_failure: "prevent_change",
    });
    await t.control("POST", "/_sandbox/settle");
    const payment = await t.client.payments.retrieve(result.payment_id!);
    expect(payment.status).toBe("requires_customer_action");
    expect((await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic)).product_id).toBe(SEED_PRODUCTS.basic_monthly);
    await submitAuthentication(payment.payment_link!, "complete");
    expect((await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic)).product_id).toBe(SEED_PRODUCTS.pro_monthly);
  });

  it("a renewal waits for authentication while active; completed it renews from the due date, failed it goes on hold", async () => {
    await onAuthCard();
    const before = await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic);
    await t.control("POST", "/_sandbox/clock", { set: before.next_billing_date });
    const renewal = (await t.client.payments.list({ page_number: 0, subscription_id: SEED_SUBSCRIPTIONS.demo_basic })).items[0]!;
    expect(renewal.status).toBe("requires_customer_action");
    expect(await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic)).toMatchObject({ status: "active", next_billing_date: before.next_billing_date });
    await submitAuthentication((await t.client.payments.retrieve(renewal.payment_id)).payment_link!, "complete");
    const renewed = await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic);
    expect(renewed).toMatchObject({ status: "active", previous_billing_date: before.next_billing_date });

    await t.control("POST", "/_sandbox/clock", { set: renewed.next_billing_date });
    const next = (await t.client.payments.list({ page_number: 0, subscription_id: SEED_SUBSCRIPTIONS.demo_basic })).items[0]!;
    await submitAuthentication((await t.client.payments.retrieve(next.payment_id)).payment_link!, "fail");
    expect((await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic)).status).toBe("on_hold");
    await t.receiver.waitFor(() => types().includes("subscription.on_hold"));
  });
});
