import { invalid } from "./errors";

/** How a processed request's answer is lost: the client times out, or gets this 5xx status. */
export type LostAnswer = "timeout" | 500 | 502 | 503 | 504;

/** A fault injected into matching Dodo endpoints (never the control plane or hosted pages). */
export interface FaultRule {
  id: number;
  /** `"<METHOD> <path pattern>"` (`{name}` or `*` match one segment, a trailing `**` the rest); null = every endpoint. */
  endpoint: string | null;
  latency_ms: number;
  /** Share of matching requests answered 500 before anything is done, 0..1. */
  error_rate: number;
  /** Hold matching requests open without doing anything, so the client times out. */
  timeout: boolean;
  /**
   * "Processed, answer lost": the request is carried out in full (the charge is made, the plan
   * changes, …) and then the client gets no answer (`"timeout"`) or a 5xx instead of the result, the
   * way a connection drop or gateway error after the work looks to a caller. This is the case Dodo
   * has no idempotency keys for; a caller must treat the outcome as unknown.
   */
  lose_answer: LostAnswer | null;
  /**
   * Only requests for this customer (the body's `customer.customer_id` or `customer_id`, the query's
   * `customer_id`, or a `/customers/{id}` path), so a test's fault never hits another test's call.
   * null = any request.
   */
  customer_id: string | null;
  /** Matching requests the rule still applies to; it removes itself after the last. null = no limit. */
  remaining: number | null;
}

export interface FaultDecision {
  latencyMs: number;
  /** Answer 500 without processing. */
  fail: boolean;
  /** Never answer, without processing. */
  hang: boolean;
  /** Process, then lose the answer this way. */
  loseAnswer: LostAnswer | null;
}

export interface FaultInput {
  endpoint?: string | null;
  latency_ms?: number;
  error_rate?: number;
  timeout?: boolean;
  lose_answer?: LostAnswer | null;
  customer_id?: string | null;
  times?: number | null;
}

/** Who a request is for, as far as faults can tell. */
export type FaultSubject = { customerIds: string[] };

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultInput): FaultRule {
    const endpoint = input.endpoint ?? null;
    if (endpoint !== null && !/^(GET|POST|PATCH|PUT|DELETE|\*) \/\S*$/.test(endpoint)) {
      throw invalid('endpoint must look like "POST /checkouts" or "GET /customers/{id}/payment-methods"');
    }
    const errorRate = input.error_rate ?? 0;
    if (errorRate < 0 || errorRate > 1) throw invalid("error_rate must be between 0 and 1");
    if (input.times != null && (!Number.isInteger(input.times) || input.times < 1)) throw invalid("times must be an integer >= 1");
    const rule: FaultRule = {
      id: this.nextId++,
      endpoint,
      latency_ms: Math.max(0, input.latency_ms ?? 0),
      error_rate: errorRate,
      timeout: input.timeout ?? false,
      lose_answer: input.lose_answer ?? null,
      customer_id: input.customer_id ?? null,
      remaining: input.times ?? null,
    };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * Latencies of all matching rules add up; any matching rule may fail, hang or lose the answer
   * (failing or hanging before the work wins over losing the answer after it).
   */
  decide(method: string, path: string, subject: FaultSubject = { customerIds: [] }): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, fail: false, hang: false, loseAnswer: null };
    for (const rule of this.rules) {
      if (!matches(rule.endpoint, method, path)) continue;
      if (rule.customer_id !== null && !subject.customerIds.includes(rule.customer_id)) continue;
      decision.latencyMs += rule.latency_ms;
      decision.hang ||= rule.timeout;
      decision.fail ||= rule.error_rate > 0 && Math.random() < rule.error_rate;
      decision.loseAnswer ??= rule.lose_answer;
      if (rule.remaining !== null) rule.remaining -= 1;
    }
    this.rules = this.rules.filter((rule) => rule.remaining === null || rule.remaining > 0);
    if (decision.fail || decision.hang) decision.loseAnswer = null;
    return decision;
  }
}

function matches(endpoint: string | null, method: string, path: string): boolean {
  if (endpoint === null) return true;
  const [ruleMethod, rulePath = ""] = endpoint.split(" ");
  if (ruleMethod !== "*" && ruleMethod !== method) return false;
  const want = rulePath.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment === "**") return true;
    if (i >= got.length) return false;
    if (segment === "*" || (segment.startsWith("{") && segment.endsWith("}"))) continue;
    if (segment !== got[i]) return false;
  }
  return want.length === got.length;
}

/** The customers a request names: in its body (`customer.customer_id`, `customer_id`), query or `/customers/{id}` path. */
export function faultSubject(path: string, query: URLSearchParams, body: unknown): FaultSubject {
  const ids: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string" && value !== "") ids.push(value);
  };
  if (body && typeof body === "object") {
    const record = body as { customer?: { customer_id?: unknown } | null; customer_id?: unknown };
    add(record.customer?.customer_id);
    add(record.customer_id);
  }
  add(query.get("customer_id"));
  const segments = path.split("/").filter(Boolean);
  const at = segments.indexOf("customers");
  if (at >= 0) add(segments[at + 1]);
  return { customerIds: ids };
}
