import "server-only";
import { db } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import { eligibleAccountOffers } from "@/lib/offers/cross-sell";
import { offerPrice } from "@/lib/offers/rules";
import { bundleOf, bundlePrice } from "@/lib/offers/bundle";
import { upgradeOfferFor } from "@/lib/plans/upgrade-offer";
import { defineOperation, failure } from "../endpoint";
import { z } from "../zod";
import { customerIdParam, findCustomer, moneySchema } from "./shared";

const offerSchema = z
  .object({
    offer_id: z.string().nullable().openapi({ description: "Null for the plan page's next-plan-up suggestion." }),
    kind: z.enum(["cross_sell", "upgrade"]),
    headline: z.string(),
    body: z.string(),
    product_id: z.string(),
    price: moneySchema,
    list_price: moneySchema,
    url: z.string().openapi({ description: "Where the customer takes it (Encore's account or plan page; one click there when a saved card fits)." }),
    gains: z.array(z.string()).openapi({ description: "For an upgrade: what the new plan includes that the current one does not (as the merchant lists plans). Empty otherwise." }),
    losses: z.array(z.string()).openapi({ description: "For an upgrade: what the current plan includes that the new one does not." }),
  })
  .openapi("Offer");

const listSchema = z.object({ customer_id: z.string(), placement: z.enum(["account", "plan_page"]), items: z.array(offerSchema) }).openapi("OfferList");

export const offersOperation = defineOperation({
  operationId: "listOffers",
  method: "get",
  path: "/customers/{customer_id}/offers",
  tag: "Offers",
  summary: "The offers a customer can see at a placement",
  description: "account: the cross-sells Encore's account page would show; plan_page: the plan upgrade it would suggest. Listing records no view (impressions are recorded when the customer sees them on Encore's pages).",
  scope: "read",
  params: z.object({ customer_id: customerIdParam }),
  query: z.object({ placement: z.enum(["account", "plan_page"]).openapi({ description: "Where the offers would be shown." }) }),
  response: listSchema,
  errors: [404],
  run: async ({ params, query }) => {
    const customer = await findCustomer(params.customer_id);
    if (!customer) return failure(404, "customer_not_found", `Encore has no customer ${params.customer_id} (customers appear with their first Dodo purchase).`);
    const appUrl = loadEnv().APP_URL;
    if (query.placement === "plan_page") {
      const upgrade = await upgradeOfferFor(customer.id);
      const product = upgrade ? await db.product.findUnique({ where: { id: upgrade.toProductId }, select: { priceAmount: true, currency: true } }) : null;
      const items = upgrade && product
        ? [{ offer_id: null, kind: "upgrade" as const, headline: `Upgrade to ${upgrade.toName}`, body: `${upgrade.difference} compared with ${upgrade.fromName}.`, product_id: upgrade.toProductId, price: { amount: product.priceAmount, currency: product.currency }, list_price: { amount: product.priceAmount, currency: product.currency }, url: `${appUrl}${upgrade.href}`, gains: upgrade.gains, losses: upgrade.losses }]
        : [];
      return { ok: true, body: { customer_id: params.customer_id, placement: query.placement, items } };
    }
    const offers = await eligibleAccountOffers(customer.id);
    const items = offers.map((o) => {
      // A bundle's price is the whole bundle's (its products all share the base currency).
      const price = (o.bundleItems.length ? bundlePrice([o.offeredProduct, ...bundleOf(o)], o.discountBps) : null) ?? offerPrice(o.offeredProduct, o.discountBps);
      return { offer_id: o.id, kind: "cross_sell" as const, headline: o.headline, body: o.body, product_id: o.offeredProductId, price: price.price, list_price: price.listPrice, url: `${appUrl}/account`, gains: [], losses: [] };
    });
    return { ok: true, body: { customer_id: params.customer_id, placement: query.placement, items } satisfies z.infer<typeof listSchema> };
  },
});
