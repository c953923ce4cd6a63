import "server-only";
import DodoPayments from "dodopayments";
import { loadEnv } from "@/lib/env";

let client: DodoPayments | undefined;

/**
 * The Dodo SDK client. The local sandbox is addressed by baseURL with no `environment` (the SDK
 * throws "Ambiguous URL" when both are set). Calls that charge money must pass `{ maxRetries: 0 }`:
 * the SDK retries POSTs and Dodo has no idempotency keys.
 */
export function dodo(): DodoPayments {
  if (client) return client;
  const env = loadEnv();
  client = new DodoPayments({
    bearerToken: env.DODO_PAYMENTS_API_KEY,
    webhookKey: env.DODO_PAYMENTS_WEBHOOK_KEY,
    ...(env.DODO_PAYMENTS_BASE_URL
      ? { baseURL: env.DODO_PAYMENTS_BASE_URL, environment: undefined }
      : { environment: env.DODO_PAYMENTS_ENVIRONMENT, baseURL: null }),
    timeout: 20_000,
  });
  return client;
}

// Per-request options. The SDK's default (60 s, two retries) suits neither a page that waits nor
// a call that moves money.

/** Any call that moves money (or may): sent exactly once. Outcomes are read by classifyDodoError. */
export const CHARGE_OPTIONS = { maxRetries: 0 } as const;

/** Calls whose repeat is harmless (reads, previews, creating a hosted session or a discount): one retry, never a long wait. */
export const SAFE_CALL_OPTIONS = { maxRetries: 1, timeout: 10_000 } as const;

/** A read a page waits on and can do without (it has a fallback): fail fast. */
export const QUICK_READ_OPTIONS = { maxRetries: 1, timeout: 5_000 } as const;
