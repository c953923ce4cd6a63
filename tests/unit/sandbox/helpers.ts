// Helpers for the sandbox conformance tests; the lifecycle (`useSandbox`) lives in tests/support.
import type DodoPayments from "dodopayments";
import type { TestSandbox } from "../../support/sandbox";

export { API_KEY, startReceiver, startTestSandbox, submitAuthentication, useSandbox, waitUntil, WEBHOOK_SECRET } from "../../support/sandbox";
export type { Receiver, ReceivedWebhook, TestSandbox, UsedSandbox } from "../../support/sandbox";

/** Submits the hosted page's form the way a browser would; answers the redirect target. */
export async function payHostedPage(checkoutUrl: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "buyer@example.com", name: "Bea Buyer", country: "US", zipcode: "10001", card_number: "4242424242424242", ...fields }),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** Moves sandbox time to `fraction` of the subscription's current period (½ = half-way). */
export async function moveIntoPeriod(t: TestSandbox, subscriptionId: string, fraction: number): Promise<string> {
  const sub = await t.client.subscriptions.retrieve(subscriptionId);
  const start = Date.parse(sub.previous_billing_date);
  const end = Date.parse(sub.next_billing_date);
  const at = new Date(start + (end - start) * fraction).toISOString();
  await t.control("POST", "/_sandbox/clock", { set: at });
  return at;
}

/** The SDK error a call ended in, or null when it succeeded. */
export async function apiError(promise: Promise<unknown>): Promise<InstanceType<typeof DodoPayments.APIError> | null> {
  return promise.then(() => null, (e: unknown) => e as InstanceType<typeof DodoPayments.APIError>);
}
