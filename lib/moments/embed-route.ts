import "server-only";
import type { NextRequest } from "next/server";
import type { ZodType } from "zod";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { declaredTooLarge, readBodyCapped } from "@/lib/http/body";
import { clientIpOf } from "@/lib/http/request";
import { route } from "@/lib/http/route";
import { embedCustomer } from "./links";
import { throttleEmbed } from "./throttle";

// The embed's endpoints (/api/embed/v1/*) are called from the merchant's pages, on another origin.
// They authenticate by the embed token in the Authorization header, never by a cookie, so any
// origin may call them (CORS `*`, no credentials): a page without a token can do nothing, and a
// token is only ever handed to its own customer's page by the merchant's server.

const BODY_LIMIT = 4 * 1024;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "600",
} as const;

export function embedJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...CORS, "cache-control": "no-store", ...headers } });
}

const refusal = (status: number, code: string, message: string, headers?: Record<string, string>) => embedJson({ ok: false, code, message }, status, headers);

/** The CORS preflight of every embed endpoint. */
export const embedPreflight = () => new Response(null, { status: 204, headers: CORS });

type EmbedHandler<B> = (input: { customer: SessionCustomer; body: B; query: URLSearchParams }) => Promise<Response>;

export function embedRoute<B = undefined>(name: string, body: ZodType<B> | null, handler: EmbedHandler<B>) {
  return route({ name, answers: "json" }, async (request: NextRequest) => {
    const token = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null;
    const customer = await embedCustomer(token);
    if (!customer) return refusal(401, "invalid_token", "This prompt's session has ended. Please reload the page.");
    const throttle = await throttleEmbed(customer.id, clientIpOf(request.headers));
    if (!throttle.ok) {
      return refusal(429, "rate_limited", "Too many requests. Please wait a moment and try again.", { "retry-after": String(throttle.retryAfterSeconds), "access-control-expose-headers": "retry-after" });
    }
    let parsed = undefined as B;
    if (body) {
      if (declaredTooLarge(request.headers, BODY_LIMIT)) return refusal(413, "body_too_large", "The request is too large.");
      const text = await readBodyCapped(request.body, BODY_LIMIT);
      if (text === null) return refusal(413, "body_too_large", "The request is too large.");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return refusal(400, "invalid_json", "The request is not valid JSON.");
      }
      const result = body.safeParse(json);
      if (!result.success) return refusal(422, "invalid_request", "The request is missing what this needs.");
      parsed = result.data;
    }
    return handler({ customer, body: parsed, query: request.nextUrl.searchParams });
  });
}
