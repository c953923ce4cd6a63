// The security headers every response carries, set by the proxy (proxy.ts → lib/http/edge.ts).
// The Content-Security-Policy follows Next's documented nonce approach: a fresh nonce per request,
// sent to Next in the request's own CSP header so it stamps the framework's inline scripts with
// it; 'strict-dynamic' lets those scripts load the rest. Dev needs 'unsafe-eval' (React rebuilds
// server error stacks with eval) and 'unsafe-inline' styles (the dev server injects them).
import { createHash, randomBytes } from "node:crypto";
import type { Env } from "@/lib/env";
import { PROBLEM_PAGE_STYLE } from "./problem-page";

/**
 * Pages meant to be embedded in a merchant's own app later (a plan change inside their product).
 * They may be framed by the origins in FRAME_ANCESTORS; every other page, and these too while
 * FRAME_ANCESTORS is unset, refuse to be framed at all. This is the only list.
 */
export const EMBEDDABLE_PATHS = ["/account/plan"] as const;

export const isEmbeddable = (pathname: string): boolean => EMBEDDABLE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/**
 * Console pages framed by the console itself (the offer editor's live preview at desktop and phone
 * width): frame-ancestors 'self', never another origin.
 */
export const SELF_FRAMED_PATHS = ["/merchant/offers/preview"] as const;

const isSelfFramed = (pathname: string): boolean => SELF_FRAMED_PATHS.some((p) => pathname === p);

export const newNonce = (): string => randomBytes(16).toString("base64");

// The problem page (route handlers' HTML answers) carries one fixed <style>; allowed by its hash.
const PROBLEM_STYLE_HASH = `'sha256-${createHash("sha256").update(PROBLEM_PAGE_STYLE).digest("base64")}'`;

type HeaderEnv = Pick<Env, "NODE_ENV" | "APP_URL" | "DODO_PAYMENTS_BASE_URL" | "DODO_PAYMENTS_ENVIRONMENT" | "FRAME_ANCESTORS" | "IMAGE_ORIGINS">;

/** Where Dodo's hosted pages live: a form posted to us may be redirected there (checkout, card update). */
export function dodoHostedOrigins(env: HeaderEnv): string[] {
  if (env.DODO_PAYMENTS_BASE_URL) return [new URL(env.DODO_PAYMENTS_BASE_URL).origin];
  return env.DODO_PAYMENTS_ENVIRONMENT === "live_mode" ? ["https://checkout.dodopayments.com"] : ["https://test.checkout.dodopayments.com"];
}

export function contentSecurityPolicy(env: HeaderEnv, nonce: string, pathname: string): string {
  const dev = env.NODE_ENV === "development";
  const https = env.APP_URL.startsWith("https://");
  const frameAncestors = isSelfFramed(pathname) ? "'self'" : isEmbeddable(pathname) && env.FRAME_ANCESTORS.length ? env.FRAME_ANCESTORS.join(" ") : "'none'";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}' ${PROBLEM_STYLE_HASH}`}`,
    // React renders `style` props as attributes; they cannot run script.
    "style-src-attr 'unsafe-inline'",
    // The store's logo, offer pictures and Dodo's product images: only the origins the operator listed.
    `img-src 'self' data: blob:${env.IMAGE_ORIGINS.length ? ` ${env.IMAGE_ORIGINS.join(" ")}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${dodoHostedOrigins(env).join(" ")}`,
    `frame-ancestors ${frameAncestors}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Every header but the CSP, for any response. */
export function staticSecurityHeaders(env: HeaderEnv, pathname: string): Record<string, string> {
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (isSelfFramed(pathname)) headers["x-frame-options"] = "SAMEORIGIN";
  else if (!(isEmbeddable(pathname) && env.FRAME_ANCESTORS.length)) headers["x-frame-options"] = "DENY";
  if (env.NODE_ENV === "production" && env.APP_URL.startsWith("https://")) {
    headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  }
  return headers;
}
