// Schemas shared with the console name their field messages by catalogue key
// (lib/forms/field-message.ts). The server API answers in English: a 422 for a body one of those
// schemas refuses (an API key's, a webhook endpoint's, an offer's) carries English words, never a
// marked key, and so does a refusal an operation's service hands back with such field messages.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation, failure, handle, type Operation } from "@/lib/api/endpoint";
import { createApiKey } from "@/lib/api/keys";
import { apiKeySchema } from "@/lib/api/key-schema";
import { fieldMessage } from "@/lib/forms/field-message";
import { offerSchema } from "@/lib/offers/offer-schema";
import { endpointSchema } from "@/lib/outbound/endpoint-schema";
import { markPeerHeaderServer, PEER_HEADER } from "@/lib/http/client-ip";

markPeerHeaderServer();

const MARK = "\u0000";

const operationFor = (body: z.ZodType, run: Operation<unknown, unknown, unknown>["run"] = async () => ({ ok: true, body: {} })) =>
  defineOperation({ operationId: `test-${crypto.randomUUID()}`, method: "post", path: "/test", summary: "test", tag: "test", scope: "write", body, response: z.object({}), errors: [422], run });

async function post(op: Operation<unknown, unknown, unknown>, body: unknown) {
  const key = await createApiKey({ name: `fields ${crypto.randomUUID().slice(0, 6)}`, scope: "WRITE" });
  if (!key.ok) throw new Error(key.message);
  const response = await handle(op)(
    new Request("http://app.test/api/v1/test", {
      method: "POST",
      headers: { authorization: `Bearer ${key.secret}`, [PEER_HEADER]: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  const text = await response.text();
  return { status: response.status, text, error: (JSON.parse(text) as { error: { code: string; message: string; fields?: Record<string, string[]> } }).error };
}

describe("the API's refusals of a console schema's body", () => {
  it("word an invalid API key body in English", async () => {
    const { status, text, error } = await post(operationFor(apiKeySchema), { name: " ", scope: "ADMIN" });
    expect(status).toBe(422);
    expect(text).not.toContain(MARK);
    expect(error.fields).toEqual({ name: ["Name the key (e.g. the app that uses it)."], scope: ["Pick read or write."] });
    expect(error.message).toBe("body name: Name the key (e.g. the app that uses it).");
  });

  it("word an invalid webhook endpoint body in English", async () => {
    const { status, text, error } = await post(operationFor(endpointSchema), { url: "ftp://user:pw@example.com", eventTypes: [] });
    expect(status).toBe(422);
    expect(text).not.toContain(MARK);
    expect(error.fields).toEqual({ url: ["Enter an http:// or https:// URL (no user name or password in it)."], eventTypes: ["Pick at least one event type."] });
  });

  it("word an invalid offer body in English, a field's name inside its message too", async () => {
    const { status, text, error } = await post(operationFor(offerSchema), { name: "", kind: "UPSELL", triggerMode: "any", offeredProductId: "pdt_x", discountBps: "120", headline: "", frequencyCap: "0", bundleProductIds: ["pdt_x"] });
    expect(status).toBe(422);
    expect(text).not.toContain(MARK);
    expect(error.fields).toMatchObject({
      name: ["Give the offer a name"],
      headline: ["Write a headline"],
      discountBps: ["Discount must be between 0% and 95%"],
      frequencyCap: ["Frequency cap must be at least 1"],
      bundleProductIds: ["Bundle different products: each once, and not the offered product again"],
    });
  });

  it("word a service's refusal with such field messages in English", async () => {
    const op = operationFor(z.object({}), async () => failure(422, "invalid_request", fieldMessage("console.fields.offer.activeProduct"), { offeredProductId: [fieldMessage("console.fields.offer.bundleMax", { max: 3 })] }));
    const { status, text, error } = await post(op, {});
    expect(status).toBe(422);
    expect(text).not.toContain(MARK);
    expect(error).toMatchObject({ message: "Choose an active product", fields: { offeredProductId: ["A bundle holds at most 3 products"] } });
  });
});
