import { invalid } from "./errors";

/** A fault injected into matching Dodo endpoints (never the control plane or hosted pages). */
export interface FaultRule {
  id: number;
  /** `"<METHOD> <path pattern>"` (`{name}` or `*` match one segment, a trailing `**` the rest); null = every endpoint. */
  endpoint: string | null;
  latency_ms: number;
  /** Share of matching requests answered 500, 0..1. */
  error_rate: number;
  /** Hold matching requests open without answering, so the client times out. */
  timeout: boolean;
}

export interface FaultDecision {
  latencyMs: number;
  fail: boolean;
  hang: boolean;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: { endpoint?: string | null; latency_ms?: number; error_rate?: number; timeout?: boolean }): FaultRule {
    const endpoint = input.endpoint ?? null;
    if (endpoint !== null && !/^(GET|POST|PATCH|PUT|DELETE|\*) \/\S*$/.test(endpoint)) {
      throw invalid('endpoint must look like "POST /checkouts" or "GET /customers/{id}/payment-methods"');
    }
    const errorRate = input.error_rate ?? 0;
    if (errorRate < 0 || errorRate > 1) throw invalid("error_rate must be between 0 and 1");
    const rule: FaultRule = { id: this.nextId++, endpoint, latency_ms: Math.max(0, input.latency_ms ?? 0), error_rate: errorRate, timeout: input.timeout ?? false };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  clear(): void {
    this.rules = [];
  }

  /** Latencies of all matching rules add up; any matching rule may fail or hang the request. */
  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, fail: false, hang: false };
    for (const rule of this.rules) {
      if (!matches(rule.endpoint, method, path)) continue;
      decision.latencyMs += rule.latency_ms;
      decision.hang ||= rule.timeout;
      decision.fail ||= rule.error_rate > 0 && Math.random() < rule.error_rate;
    }
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
