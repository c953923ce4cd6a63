import "server-only";
import type { NextRequest } from "next/server";
import type { ZodType } from "zod";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { declaredTooLarge, readBodyCapped } from "@/lib/http/body";
import { storedLocale } from "@/lib/i18n/customer-locale";
import type { Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { translator } from "@/lib/i18n/translator";
import { clientIpOf } from "@/lib/http/request";
import { route } from "@/lib/http/route";
import { embedCustomer } from "./links";
import { throttleEmbed } from "./throttle";

// The embed's endpoints (/api/embed/v1/*) are called from the merchant's pages, on another origin.
// They authenticate by the embed token, never by a cookie, so any origin may call them (CORS `*`,
// no credentials): a page without a token can do nothing, and a token is only ever handed to its
// own customer's page by the merchant's server. The token comes in the Authorization header (a
// server, curl), or — as the script sends it — in a POST's body, sent as text/plain: a CORS
// "simple request", so the browser makes no preflight round trip before the prompt's first read.
// Every answer is worded in the customer's language: the one the merchant's page names (the
// script sends its data-locale, else the page's lang), else the one the customer last used in the
// store, else their browser's (Accept-Language).

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

type EmbedHandler<B> = (input: { customer: SessionCustomer; body: B; query: URLSearchParams; locale: Locale }) => Promise<Response>;

/** The language the page asked for ("pt-BR", "pt", "en-US"…), when it asked for one we can match. */
function askedLocale(fields: Record<string, unknown>): string | null {
  return typeof fields.locale === "string" && fields.locale.trim() && fields.locale.length <= 35 ? fields.locale : null;
}

function embedLocale(asked: string | null, stored: string | null | undefined, acceptLanguage: string | null): Locale {
  if (asked) return negotiateLocale(asked);
  return storedLocale(stored) ?? negotiateLocale(acceptLanguage);
}

const bearerOf = (request: NextRequest) => request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null;

type ReadBody = { ok: true; json: Record<string, unknown> } | { ok: false; response: Response };

async function readJson(request: NextRequest): Promise<ReadBody> {
  if (declaredTooLarge(request.headers, BODY_LIMIT)) return { ok: false, response: refusal(413, "body_too_large", "The request is too large.") };
  const text = await readBodyCapped(request.body, BODY_LIMIT);
  if (text === null) return { ok: false, response: refusal(413, "body_too_large", "The request is too large.") };
  try {
    const json: unknown = text.trim() === "" ? {} : JSON.parse(text);
    if (json && typeof json === "object" && !Array.isArray(json)) return { ok: true, json: json as Record<string, unknown> };
  } catch {
    // answered below
  }
  return { ok: false, response: refusal(400, "invalid_json", "The request is not valid JSON.") };
}

/**
 * An embed endpoint: GET (query parameters, token in the Authorization header) or POST (a JSON
 * body, token in the header or the body's `token`). The token is verified, then the customer's
 * and the address's rate limits are counted, then the input is parsed by `input`.
 */
export function embedRoute<B>(name: string, input: ZodType<B>, handler: EmbedHandler<B>) {
  return route({ name, answers: "json" }, async (request: NextRequest) => {
    let fields: Record<string, unknown> = Object.fromEntries(request.nextUrl.searchParams);
    if (request.method === "POST") {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      fields = read.json;
    }
    const token = bearerOf(request) ?? (typeof fields.token === "string" ? fields.token : null);
    const found = await embedCustomer(token);
    const acceptLanguage = request.headers.get("accept-language");
    if (!found) {
      const t = translator(embedLocale(askedLocale(fields), null, acceptLanguage));
      return refusal(401, "invalid_token", t("embed.sessionEnded"));
    }
    const { locale: stored, ...customer } = found;
    const locale = embedLocale(askedLocale(fields), stored, acceptLanguage);
    const t = translator(locale);
    const throttle = await throttleEmbed(customer.id, clientIpOf(request.headers));
    if (!throttle.ok) {
      return refusal(429, "rate_limited", t("embed.rateLimited"), { "retry-after": String(throttle.retryAfterSeconds), "access-control-expose-headers": "retry-after" });
    }
    const parsed = input.safeParse(fields);
    if (!parsed.success) return refusal(422, "invalid_request", t("embed.invalidRequest"));
    return handler({ customer, body: parsed.data, query: request.nextUrl.searchParams, locale });
  });
}
