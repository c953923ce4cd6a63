import type { IncomingHttpHeaders } from "node:http";

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON (or form) body; `undefined` when the request had none. */
  body: unknown;
}

export type Reply =
  | { kind: "json"; status: number; body: unknown }
  | { kind: "empty"; status: number }
  | { kind: "html"; status: number; html: string }
  | { kind: "redirect"; location: string };

export const json = (body: unknown, status = 200): Reply => ({ kind: "json", status, body });
export const noContent = (): Reply => ({ kind: "empty", status: 204 });
export const html = (markup: string, status = 200): Reply => ({ kind: "html", status, html: markup });
export const redirect = (location: string): Reply => ({ kind: "redirect", location });

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  segments: string[];
  pattern: string;
  handler: Handler;
}

export interface RouteMatch {
  route: { method: string; pattern: string };
  params: Record<string, string>;
  handler: Handler;
}

/** Path patterns use `{name}` segments, e.g. `/customers/{customer_id}/payment-methods`. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, segments: split(pattern), handler });
    return this;
  }

  /** `undefined` = no such path; `"method"` = path exists with another method (405). */
  match(method: string, path: string): RouteMatch | "method" | undefined {
    const segments = split(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) {
        return { route: { method: route.method, pattern: route.pattern }, params, handler: route.handler };
      }
    }
    return pathMatched ? "method" : undefined;
  }
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    const got = actual[i]!;
    if (want.startsWith("{") && want.endsWith("}")) params[want.slice(1, -1)] = decodeURIComponent(got);
    else if (want !== got) return null;
  }
  return params;
}
