import type { SandboxCore } from "../core";
import { ApiError } from "../http/errors";
import { html, redirect, type Router } from "../http/router";
import { getCheckout } from "../domain/checkouts";
import { payHostedCheckout, HostedFormError, type HostedForm } from "./complete";
import { checkoutPage, messagePage, portalPage } from "./page";

/** Browser pages (no API key): the hosted checkout behind `checkout_url` / `payment_link`, and the portal. */
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
}

function formFields(body: unknown): HostedForm {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : "");
  return { card_number: text("card_number"), email: text("email"), name: text("name"), country: text("country"), zipcode: text("zipcode") };
}
