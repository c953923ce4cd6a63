// The one reading of a failed Dodo call. Every call that moves money (or may) asks it one
// question: did Dodo refuse — answer with a 4xx that says nothing happened — or do we not know?
// Only a refusal may be shown as "nothing was charged"; an unknown outcome stays a state (a
// ChargeAttempt or PlanChange UNKNOWN) until a webhook or a sync tells us what Dodo did. Never
// retry on "unknown": Dodo has no idempotency keys (/work/shared/dodo-api.md §1.3).
import DodoPayments from "dodopayments";

export type DodoRefusal = {
  kind: "refused";
  status: number;
  /** Dodo's error code (`{ code, message }` body, §1.4), else HTTP_<status>. */
  code: string;
  message: string;
  /** True when the same request may succeed later unchanged (rate limited). */
  retryable: boolean;
};

export type DodoUnknown = {
  kind: "unknown";
  /** timeout: no answer in time (ours or Dodo's 408); network: no answer at all; server: 5xx. */
  cause: "timeout" | "network" | "server" | "unexpected";
  status: number | null;
};

export type DodoFailure = DodoRefusal | DodoUnknown;

function bodyField(body: unknown, key: "code" | "message"): string | undefined {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Refused or unknown, for any error a Dodo SDK call threw.
 *
 * - 400, 401, 403, 404, 422 and other 4xx: refused. Dodo validated the request and turned it down.
 * - 408: unknown. A request timeout from Dodo's side may come after the work was done; the SDK
 *   itself retries 408 like a 5xx (§1.3), i.e. it does not read it as "not done".
 * - 409: refused. Dodo answers 409 when the request conflicts with state it already holds
 *   (PENDING_PLAN_CHANGE_EXISTS, SCHEDULED_PLAN_CHANGE_EXISTS, a payment method in use — §1.4,
 *   §6.3): this request was not carried out. That holds because money calls are sent once
 *   (maxRetries: 0); after an SDK retry a 409 could be the echo of our own first attempt, which is
 *   why such calls never retry. The SDK's own retry of 409 (§1.3) is about waiting, not doubt.
 * - 429: refused, retryable. A rate limit turns the request away before it is handled
 *   (TOO_MANY_REQUESTS, §1.4); nothing happened, and the same request may pass later.
 * - 5xx: unknown. The server failed somewhere, possibly after charging.
 * - Our timeout (APIConnectionTimeoutError), a dropped connection (APIConnectionError), an abort,
 *   or anything that is not an SDK error: unknown — the request may have reached Dodo.
 */
export function classifyDodoError(err: unknown): DodoFailure {
  if (err instanceof DodoPayments.APIConnectionTimeoutError) return { kind: "unknown", cause: "timeout", status: null };
  if (err instanceof DodoPayments.APIConnectionError || err instanceof DodoPayments.APIUserAbortError) return { kind: "unknown", cause: "network", status: null };
  if (!(err instanceof DodoPayments.APIError) || typeof err.status !== "number") return { kind: "unknown", cause: "unexpected", status: null };
  const status = err.status;
  if (status === 408) return { kind: "unknown", cause: "timeout", status };
  if (status >= 500) return { kind: "unknown", cause: "server", status };
  if (status < 400) return { kind: "unknown", cause: "unexpected", status };
  return {
    kind: "refused",
    status,
    code: bodyField(err.error, "code") ?? `HTTP_${status}`,
    message: bodyField(err.error, "message") ?? err.message,
    retryable: status === 429,
  };
}

/** Dodo's refusal, or null when the outcome is unknown. */
export function refusalOf(err: unknown): DodoRefusal | null {
  const failure = classifyDodoError(err);
  return failure.kind === "refused" ? failure : null;
}
