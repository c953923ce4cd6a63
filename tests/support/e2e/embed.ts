// Helpers of the in-app specs (in-app-moments, embed-and-offer-links): the server API as the
// merchant's server calls it, a merchant page embedding the prompt, and a one-click offer due at a moment.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page } from "@playwright/test";
import { dodo, env, sql, uid } from "./env";
import { createApiKey, targetMoment } from "./example-app";
import { createProduct, insertOffer } from "./journey";
import { seedLadder, subscribe } from "./plans";

export async function customerOf(customerId: string): Promise<{ dodoCustomerId: string; email: string }> {
  const { rows } = await sql<{ dodoCustomerId: string; email: string }>(`SELECT "dodoCustomerId", email FROM "Customer" WHERE id = $1`, [customerId]);
  return rows[0]!;
}

/** The few fields of POST /moments and /embed-token answers these tests read. */
export type ApiAnswer = { offer: { offer_id: string; kind: string; url: string } | null; token: string };

export async function api(key: string, path: string, body: unknown): Promise<{ status: number; json: ApiAnswer }> {
  const res = await fetch(`${env("E2E_BASE_URL")}/api/v1${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as ApiAnswer };
}

export const prompt = (page: Page) => page.locator('[data-encore="offer"]');

/** A merchant's page on its own origin that embeds the prompt for one customer's token. */
export async function merchantPage(token: string, opts: { lang?: string } = {}): Promise<{ url: string; close: () => void }> {
  const html = `<!doctype html><html lang="${opts.lang ?? "en"}"><head><title>Merchant app</title></head><body><main><h1>Merchant app</h1><div id="offer"></div></main>`
    + `<script src="${env("E2E_BASE_URL")}/embed/encore.js" data-token="${token}" data-target="#offer" async></script></body></html>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** A one-click offer due for a fresh Basic subscriber (saved card `card`) at a moment of its own, and the prompt's token. */
export async function oneClickDue(card: "4242" | "3155", productName: string) {
  const key = await createApiKey();
  const moment = `e2e_${uid()}`.slice(0, 40);
  const product = await createProduct(productName, 2900);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], `Add ${productName}`);
  await targetMoment(offerId, moment, {});
  const ladder = await seedLadder();
  const { customerId } = await subscribe(ladder.basic, card);
  const { dodoCustomerId } = await customerOf(customerId);
  if (card === "3155") {
    // The customer removed the card they first paid with: the 3-D Secure card is the one saved.
    const { items } = await dodo().customers.retrievePaymentMethods(dodoCustomerId);
    for (const m of items.filter((i) => i.card?.last4_digits !== "3155")) {
      const res = await fetch(`${env("E2E_SANDBOX_URL")}/customers/${dodoCustomerId}/payment-methods/${m.payment_method_id}`, { method: "DELETE", headers: { authorization: `Bearer ${env("E2E_API_KEY")}` } });
      expect(res.ok).toBe(true);
    }
  }
  expect((await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: {} })).json.offer).toMatchObject({ offer_id: offerId });
  const { json: embed } = await api(key, `/customers/${dodoCustomerId}/embed-token`, {});
  return { key, offerId, product, customerId, dodoCustomerId, token: embed.token };
}
