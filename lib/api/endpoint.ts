import "server-only";
import type { ZodType } from "zod";
import { clientIpOf } from "@/lib/http/request";
import { inRequestContext, logger } from "@/lib/log";
import { wordFieldErrors, wordFieldMessage, type Translate } from "@/lib/forms/field-message";
import { translator } from "@/lib/i18n/translator";
import { fieldErrorsOf, type FieldErrors } from "@/lib/result";
import { apiError, type ApiErrorStatus } from "./errors";
import { authenticateApiKey, keyAllows, type AuthenticatedKey } from "./keys";
import { throttleKey, throttleUnauthenticated } from "./rate-limit";

// One server-API operation: its OpenAPI description and its handler are the same object, so the
// document (lib/api/openapi.ts) is generated from the very schemas that parse each request. A
// route file under app/api/v1 only binds an operation to its method: `export const GET = handle(op)`.
// Every request passes the same steps in the same order: key (401), scope (403), rate limit (429),
// input (400/413/422), then the operation, whose expected failures map to statuses by code.

export type Scope = "read" | "write";

export type ApiFailure = { ok: false; status: ApiErrorStatus; code: string; message: string; fields?: FieldErrors };
export type ApiSuccess = { ok: true; status?: 200 | 201; body: unknown };

export type OperationInput<P, Q, B> = { params: P; query: Q; body: B; key: AuthenticatedKey; requestId: string };

export type Operation<P = unknown, Q = unknown, B = unknown> = {
  operationId: string;
  method: "get" | "post";
  /** OpenAPI path below /api/v1, with {placeholders} named as the route's [segments]. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  scope: Scope;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  response: ZodType;
  successStatus?: 200 | 201;
  /** The refusals this operation itself may answer (auth, scope, rate-limit and input ones are added). */
  errors: ApiErrorStatus[];
  run: (input: OperationInput<P, Q, B>) => Promise<ApiSuccess | ApiFailure>;
};

export function defineOperation<P, Q, B>(op: Operation<P, Q, B>): Operation<P, Q, B> {
  return op;
}

const log = logger("api");

export const MAX_BODY_BYTES = 64 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

function bearer(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1]! : null;
}

// The API answers in English. A schema shared with the console names its field messages by
// catalogue key (lib/forms/field-message.ts): worded here, so no answer carries a marked key.
const english = translator("en") as unknown as Translate;

function invalid(requestId: string, where: string, error: { issues: unknown[] } & Parameters<typeof fieldErrorsOf>[0]): Response {
  const fields = wordFieldErrors(fieldErrorsOf(error), english);
  const first = Object.entries(fields)[0];
  const message = first ? `${where}${first[0] === "_form" ? "" : ` ${first[0]}`}: ${first[1][0]}` : `${where} is invalid`;
  return apiError(422, "invalid_request", message, requestId, { fields });
}

async function readJson(req: Request, requestId: string): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, response: apiError(413, "body_too_large", `The body may be at most ${MAX_BODY_BYTES} bytes.`, requestId) };
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: apiError(413, "body_too_large", `The body may be at most ${MAX_BODY_BYTES} bytes.`, requestId) };
  try {
    return { ok: true, value: text.trim() === "" ? {} : JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The body is not valid JSON.", requestId) };
  }
}

/** The route handler of an operation. */
export function handle<P, Q, B>(op: Operation<P, Q, B>) {
  // The request's id is the server's (X-Request-Id, on every log line) when it gave one.
  return (req: Request, ctx: RouteContext): Promise<Response> => inRequestContext(async (requestId) => {
    try {
      const secret = bearer(req);
      const key = secret ? await authenticateApiKey(secret) : null;
      if (!key) {
        // Without a key nothing can be guessed and nothing was looked up: refused, nothing counted.
        if (!secret) return apiError(401, "missing_api_key", "Send your API key as 'Authorization: Bearer <key>'. Keys are made in the merchant console under Integrations.", requestId);
        const throttle = await throttleUnauthenticated(clientIpOf(req.headers));
        if (!throttle.ok) return apiError(429, "rate_limited", "Too many requests without a valid API key.", requestId, { headers: { "retry-after": String(throttle.retryAfterSeconds) } });
        return apiError(401, "invalid_api_key", "This API key is not valid or has been revoked.", requestId);
      }
      if (!keyAllows(key, op.scope)) return apiError(403, "insufficient_scope", `This operation needs a key with the ${op.scope} scope; this key is ${key.scope.toLowerCase()}-only.`, requestId);
      const throttle = await throttleKey(key.id);
      if (!throttle.ok) return apiError(429, "rate_limited", "Too many requests for this API key.", requestId, { headers: { "retry-after": String(throttle.retryAfterSeconds) } });

      const params = (op.params ?? passthrough).safeParse(await ctx.params);
      if (!params.success) return invalid(requestId, "path", params.error);
      const query = (op.query ?? passthrough).safeParse(Object.fromEntries(new URL(req.url).searchParams));
      if (!query.success) return invalid(requestId, "query", query.error);
      let body: unknown = undefined;
      if (op.body) {
        const raw = await readJson(req, requestId);
        if (!raw.ok) return raw.response;
        const parsed = op.body.safeParse(raw.value);
        if (!parsed.success) return invalid(requestId, "body", parsed.error);
        body = parsed.data;
      }

      const result = await op.run({ params: params.data as P, query: query.data as Q, body: body as B, key, requestId });
      if (!result.ok) return apiError(result.status, result.code, wordFieldMessage(result.message, english), requestId, result.fields ? { fields: wordFieldErrors(result.fields, english) } : {});
      return Response.json(result.body, { status: result.status ?? op.successStatus ?? 200, headers: { "cache-control": "no-store", "x-request-id": requestId } });
    } catch (err) {
      log.error({ err, operationId: op.operationId }, "api request failed");
      return apiError(500, "internal_error", "Something went wrong on our side. Please try again.", requestId);
    }
  });
}

const passthrough = { safeParse: (value: unknown) => ({ success: true as const, data: value, error: undefined as never }) };

export const failure = (status: ApiErrorStatus, code: string, message: string, fields?: FieldErrors): ApiFailure => ({ ok: false, status, code, message, ...(fields ? { fields } : {}) });
