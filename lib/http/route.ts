import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { NextRequest } from "next/server";
import { localeOfRequest } from "@/lib/i18n/negotiate";
import { translator } from "@/lib/i18n/translator";
import { inRequestContext, logger } from "@/lib/log";
import { problemPage } from "./problem-page";
import type { Refusal } from "./action-request";
import { refusalText } from "./refusal-text";
import { describeInputProblem, findInputProblem } from "./unusable-input";

// Every route handler (app/**/route.ts) is built here, as every server action is built by
// lib/actions: its query string is refused when no handler could use it (NUL, not Unicode), the
// request runs with a request id on every log line, and anything unexpected is logged and
// answered with a generic 500 that never carries a stack trace. Next's redirect()/notFound()
// pass through. The proxy (lib/http/edge.ts) has already refused malformed paths.

export type RouteSpec = {
  /** Names the route in logs. */
  name: string;
  /** How the route answers: JSON for API clients, a small HTML page for people. */
  answers: "json" | "html";
};

export type RouteHandler<C> = (request: NextRequest, context: C) => Promise<Response>;

const log = logger("route");

/**
 * A response for input this route cannot use, in the route's format: API clients get `message`
 * (precise, English); people get `reason` worded in their language.
 */
export function refuse(spec: RouteSpec, request: NextRequest, refusal: Refusal): Response {
  const { status, message } = refusal;
  if (spec.answers === "json") return Response.json({ error: status === 413 ? "payload_too_large" : "bad_request", message }, { status });
  const locale = localeOfRequest(request);
  const t = translator(locale);
  return problemPage(status, refusalText(t, refusal.reason), { href: "/", label: t("errors.page.backToStore") }, { locale });
}

export function route<C>(spec: RouteSpec, handler: RouteHandler<C>): RouteHandler<C> {
  return (request, context) =>
    inRequestContext(async (requestId) => {
      const problem = findInputProblem(Object.fromEntries(request.nextUrl.searchParams));
      if (problem) return refuse(spec, request, { status: 400, reason: "parameter", message: describeInputProblem(problem).replace("The field", "The parameter") });
      try {
        return await handler(request, context);
      } catch (err) {
        unstable_rethrow(err);
        log.error({ err, route: spec.name }, "route failed");
        if (spec.answers === "json") return Response.json({ error: "internal", message: "Something went wrong on our side. Please try again.", requestId }, { status: 500 });
        // A person's page, in the request's language (its cookie or Accept-Language; no database).
        const locale = localeOfRequest(request);
        const t = translator(locale);
        return problemPage(500, t("errors.unexpected"), { href: "/", label: t("errors.page.backToStore") }, { locale });
      }
    });
}
