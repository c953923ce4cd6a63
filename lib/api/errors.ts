// The one error shape of the server API. Every refusal, from a missing key to a Dodo outage,
// answers { error: { code, message, request_id, fields? } } with its HTTP status.
import type { FieldErrors } from "@/lib/result";
import { z } from "./zod";

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string().openapi({ example: "product_cart: at least one product is required" }),
      request_id: z.string().openapi({ description: "Quote it when you contact support; it is in our logs." }),
      fields: z.record(z.string(), z.array(z.string())).optional().openapi({ description: "Messages per invalid field (dotted path)." }),
    }),
  })
  .openapi("Error");

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** What each status means in this API; the document lists these per operation. */
export const ERROR_DESCRIPTIONS = {
  400: "The body is not JSON.",
  401: "The API key is missing, unknown or revoked.",
  403: "The key lacks the scope this operation needs (write).",
  404: "The customer, product or subscription is not known.",
  409: "The request conflicts with the object's current state.",
  413: "The body is too large.",
  422: "The request failed validation (see fields), or Dodo refused it.",
  429: "Too many requests for this key; retry after the Retry-After header's seconds.",
  500: "Something went wrong on our side.",
  502: "Dodo did not answer; nothing was created. Retry in a moment.",
} as const;

export type ApiErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export function apiError(status: ApiErrorStatus, code: string, message: string, requestId: string, extra: { fields?: FieldErrors; headers?: Record<string, string> } = {}): Response {
  const body: ApiErrorBody = { error: { code, message, request_id: requestId, ...(extra.fields ? { fields: extra.fields } : {}) } };
  return Response.json(body, { status, headers: { "cache-control": "no-store", "x-request-id": requestId, ...extra.headers } });
}
