// The proxy's work (proxy.ts runs it for every request before Next routes it):
// 1. refuse what Next itself would turn into a 500 before any of our code runs — a path that does
//    not percent-decode, NUL in the path or query, server-action bodies that are oversized (413),
//    undecodable, or posted from another origin — with a clear 4xx;
// 2. put the security headers on every response, with a fresh CSP nonce that Next reads from the
//    request's own CSP header and stamps on its inline scripts.
// Checks of what reaches our code live in the wrappers (lib/actions, lib/http/route.ts).
import { NextResponse, type NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { ACTION_BODY_LIMIT_BYTES, actionKind, checkFetchActionBody, checkFormActionBody, originRefusal, type Refusal } from "./action-request";
import { declaredTooLarge, readBytesCapped } from "./body";
import { localeOfRequest } from "@/lib/i18n/negotiate";
import { translator } from "@/lib/i18n/translator";
import { problemPage } from "./problem-page";
import { refusalText } from "./refusal-text";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./security-headers";
import { textProblem } from "./unusable-input";

function pathRefusal(url: URL): Refusal | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, reason: "address", message: "This address is malformed." };
  }
  if (textProblem(path)) return { status: 400, reason: "address", message: "This address is malformed." };
  for (const [key, value] of url.searchParams) {
    if (textProblem(key) || textProblem(value)) return { status: 400, reason: "parameter", message: "This address has a parameter that is not valid text." };
  }
  return null;
}

async function actionRefusal(request: NextRequest): Promise<Refusal | null> {
  // Route handlers read their own bodies (the webhook checks its signature over the raw bytes).
  if (request.nextUrl.pathname.startsWith("/api/")) return null;
  const kind = actionKind(request.method, request.headers);
  if (!kind) return null;
  const origin = originRefusal(request.headers);
  if (origin) return origin;
  const tooLarge: Refusal = { status: 413, reason: "too_large", message: "This form is too large to send. Shorten the text and try again." };
  if (declaredTooLarge(request.headers, ACTION_BODY_LIMIT_BYTES)) return tooLarge;
  const body = await readBytesCapped(request.body, ACTION_BODY_LIMIT_BYTES);
  if (body === null) return tooLarge;
  const contentType = request.headers.get("content-type") ?? "";
  return kind === "fetch" ? checkFetchActionBody(contentType, body) : checkFormActionBody(contentType, body);
}

function refusalResponse(request: NextRequest, refusal: Refusal): Response {
  // A fetch action's client shows its own error for any non-action answer; people get a page.
  if (request.headers.get("next-action") !== null || !request.headers.get("accept")?.includes("text/html")) {
    return new Response(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  const locale = localeOfRequest(request);
  const t = translator(locale);
  return problemPage(refusal.status, refusalText(t, refusal.reason), { href: "/", label: t("errors.page.backToStore") }, { locale });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export async function handleEdge(request: NextRequest): Promise<Response> {
  const env = loadEnv();
  const pathname = request.nextUrl.pathname;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(env, nonce, pathname);
  const headers = { ...staticSecurityHeaders(env, pathname), "content-security-policy": csp };

  const refusal = pathRefusal(request.nextUrl) ?? (await actionRefusal(request));
  if (refusal) return withHeaders(refusalResponse(request, refusal), headers);

  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", csp);
  forwarded.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}
