import type { SandboxCore } from "../core";
import { ApiError } from "../http/errors";
import { html, redirect, type Router } from "../http/router";
import { pendingAuthentication } from "../domain/authentication";
import { getCheckout } from "../domain/checkouts";
import { completeAuthentication, payHostedCheckout, HostedFormError, type HostedForm } from "./complete";
import { authenticationPage, checkoutPage, messagePage, portalPage } from "./page";

/**
 * Browser pages (no API key): the hosted checkout behind `checkout_url` / `payment_link`, the
 * 3-D Secure page behind a waiting payment's client secret, and the portal.
 */
export function registerHostedCheckout(router: Router, core: SandboxCore): void {
  router.add("GET", "/checkout/{session_id}", ({ params }) => {
    const session = core.state.checkouts[params.session_id!];
    if (!session) return html(messagePage("Not found", "This checkout does not exist."), 404);
    return html(checkoutPage(core, session, null));
  });

  router.add("GET", "/portal/{customer_id}", ({ params }) => {
    const page = portalPage(core, params.customer_id!);
    return page ? html(page) : html(messagePage("Not found", "This customer does not exist."), 404);
  });

  router.add("POST", "/checkout/{session_id}", ({ params, body }) => {
    const sessionId = params.session_id!;
    try {
      return redirect(payHostedCheckout(core, sessionId, formFields(body)));
    } catch (error) {
      if (error instanceof HostedFormError) return html(checkoutPage(core, getCheckout(core, sessionId), error.message), 422);
      if (error instanceof ApiError && error.status === 404) return html(messagePage("Not found", error.message), 404);
      throw error;
    }
  });

  router.add("GET", "/authenticate/{payment_id}", ({ params, query }) => {
    const payment = pendingAuthentication(core, params.payment_id!, query.get("client_secret") ?? "");
    if (!payment) return html(messagePage("Not found", "This authentication link is not valid."), 404);
    return html(authenticationPage(core, payment));
  });

  router.add("POST", "/authenticate/{payment_id}", ({ params, body }) => {
    const fields = formFields(body);
    const payment = pendingAuthentication(core, params.payment_id!, fields.client_secret);
    if (!payment) return html(messagePage("Not found", "This authentication link is not valid."), 404);
    if (payment.status !== "requires_customer_action") return html(authenticationPage(core, payment), 409);
    const back = completeAuthentication(core, payment, fields.outcome === "complete");
    return back ? redirect(back) : html(authenticationPage(core, payment));
  });
}

function formFields(body: unknown): HostedForm & { client_secret: string; outcome: string } {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : "");
  return {
    card_number: text("card_number"), email: text("email"), name: text("name"), country: text("country"), zipcode: text("zipcode"),
    street: text("street"), city: text("city"), state: text("state"), client_secret: text("client_secret"), outcome: text("outcome"),
  };
}
