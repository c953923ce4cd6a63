import "server-only";
import { loadEnv } from "@/lib/env";
import { currentMomentOffer } from "@/lib/moments/current";
import { EMBED_TOKEN_SECONDS, mintEmbedToken, mintOfferLink, OFFER_LINK_SECONDS } from "@/lib/moments/links";
import { recordMoment } from "@/lib/moments/report";
import { KNOWN_MOMENTS, momentName, momentProperties } from "@/lib/offers/moment-targeting";
import { db } from "@/lib/db/client";
import { defineOperation, failure } from "../endpoint";
import { z } from "../zod";
import { customerIdParam, findCustomer } from "./shared";

const dueOffer = z
  .object({
    offer_id: z.string(),
    kind: z.enum(["upsell", "downsell", "cross_sell", "upgrade"]),
    headline: z.string(),
    body: z.string(),
    product_id: z.string(),
    url: z.string().openapi({ description: `Encore's hosted offer page for this customer: signed, opens once, valid ${OFFER_LINK_SECONDS / 60} minutes. Redirect to it, email it or link it in your app.` }),
    url_expires_at: z.string(),
  })
  .openapi("MomentOffer");

const momentResponse = z
  .object({
    moment_id: z.string(),
    customer_id: z.string(),
    name: z.string(),
    repeated: z.boolean().openapi({ description: "True when this idempotency_key was reported before: nothing new was recorded." }),
    offer: dueOffer.nullable().openapi({ description: "The offer now due for the customer (this moment's or an earlier one's), or null. The embedded prompt shows the same offer." }),
  })
  .openapi("Moment");

export const momentsOperation = defineOperation({
  operationId: "reportMoment",
  method: "post",
  path: "/moments",
  tag: "Moments",
  summary: "Report a moment in your app (usage milestone, plan limit near, onboarding completed…)",
  description: `Offers that target the moment (and its properties) become the customer's current in-app offer for a day, under the usual rules (not owned, not declined before, frequency cap, saved card). Known names: ${KNOWN_MOMENTS.join(", ")}; any other lower-case name is your own. Dodo's credit.balance_low counts as plan_limit_near without a report.`,
  scope: "write",
  body: z.object({
    customer_id: customerIdParam,
    name: momentName,
    properties: momentProperties.default({}),
    idempotency_key: z.string().min(1).max(100).optional().openapi({ description: "Reporting the same key again records nothing new." }),
  }),
  response: momentResponse,
  successStatus: 201,
  errors: [404],
  run: async ({ body, key }) => {
    const customer = await findCustomer(body.customer_id);
    if (!customer) return failure(404, "customer_not_found", `Encore has no customer ${body.customer_id} (customers appear with their first Dodo purchase).`);
    const now = new Date();
    const { moment, repeated } = await recordMoment(db, {
      customerId: customer.id, name: body.name, properties: body.properties, source: "API",
      // Keys are per API key: two apps choosing the same key never collide.
      idempotencyKey: body.idempotency_key ? `api:${key.id}:${body.idempotency_key}` : null, occurredAt: now,
    });
    const due = await currentMomentOffer(customer.id, now);
    const link = due ? await mintOfferLink({ customerId: customer.id, offerId: due.offer.id, momentId: due.moment.id }, now) : null;
    return {
      ok: true,
      status: repeated ? 200 : 201,
      body: {
        moment_id: moment.id, customer_id: body.customer_id, name: moment.name, repeated,
        offer: due && link ? {
          offer_id: due.offer.id, kind: due.offer.kind.toLowerCase() as "upsell", headline: due.offer.headline, body: due.offer.body,
          product_id: due.offer.offeredProductId, url: link.url, url_expires_at: link.expiresAt.toISOString(),
        } : null,
      } satisfies z.infer<typeof momentResponse>,
    };
  },
});

const embedTokenResponse = z
  .object({
    token: z.string().openapi({ description: "Put it on the script tag (data-token) of the page you render for this customer. It identifies the customer to Encore; never put a customer id in the browser." }),
    expires_at: z.string(),
    script_url: z.string().openapi({ description: "The embeddable prompt (no framework, under 10 KB gzipped)." }),
  })
  .openapi("EmbedToken");

export const embedTokenOperation = defineOperation({
  operationId: "createEmbedToken",
  method: "post",
  path: "/customers/{customer_id}/embed-token",
  tag: "Moments",
  summary: "A token for the embeddable prompt, for one customer",
  description: `Your server asks for it when it renders a page for the customer, and puts it on <script src="{script_url}" data-token="…">. Valid ${EMBED_TOKEN_SECONDS / 60} minutes. With it the prompt shows the customer's current offer and takes the one-click accept.`,
  scope: "write",
  params: z.object({ customer_id: customerIdParam }),
  response: embedTokenResponse,
  successStatus: 201,
  errors: [404],
  run: async ({ params }) => {
    const customer = await findCustomer(params.customer_id);
    if (!customer) return failure(404, "customer_not_found", `Encore has no customer ${params.customer_id} (customers appear with their first Dodo purchase).`);
    const { token, expiresAt } = mintEmbedToken(customer.id);
    return { ok: true, body: { token, expires_at: expiresAt.toISOString(), script_url: `${loadEnv().APP_URL}/embed/encore.js` } };
  },
});
