// Standard Webhooks signing (the same scheme Dodo signs its webhooks with): the headers a
// receiver verifies with any Standard Webhooks library, e.g. `new Webhook(secret).verify(body, headers)`.
import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";

export function newEndpointSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64")}`;
}

export function signedHeaders(secret: string, messageId: string, body: string, at: Date): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}
