// The only module that reads process.env. Every key is validated once; a missing or malformed
// value stops start-up (instrumentation.ts calls loadEnv) with a message naming the key.
import { z } from "zod";
import { parseTrustedProxies } from "./http/trusted-proxies";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

/** Space- or comma-separated origins; each must be a bare origin, so none can smuggle a CSP directive. */
const originList = z.string().optional().transform((raw, ctx) => {
  const origins = (raw ?? "").split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s;'"]+$/.test(origin)) ctx.addIssue({ code: "custom", message: `"${origin}" is not an origin like https://app.example.com` });
  }
  return origins;
});

const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl,
    DODO_PAYMENTS_API_KEY: z.string().min(1),
    DODO_PAYMENTS_ENVIRONMENT: z.enum(["test_mode", "live_mode"]).optional(),
    DODO_PAYMENTS_BASE_URL: z.url().optional(),
    DODO_PAYMENTS_WEBHOOK_KEY: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, "must look like whsec_<base64>"),
    APP_URL: z.url(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters"),
    // How long a customer keeps access after their subscription goes on hold.
    ENTITLEMENT_GRACE_HOURS: z.coerce.number().int().min(0).default(72),
    // How long an account-page offer holds its price (thank-you offers follow their funnel's window).
    OFFER_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    // Operations (README "Going to production"): where `npm start` listens, how long a stop waits
    // for in-flight requests, how much it logs, which proxies in front may name the client.
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(25),
    LOG_LEVEL: logLevel,
    TRUSTED_PROXIES: z.string().optional().transform((raw, ctx) => {
      try {
        return parseTrustedProxies(raw);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    }),
    // Origins (space-separated) allowed to frame the pages meant to be embedded (lib/http/security-headers.ts).
    FRAME_ANCESTORS: originList,
    // Origins (space-separated) customer pages may load images from besides the app itself: where
    // the store's logo, offer pictures and Dodo's product images live (lib/store/images.ts).
    IMAGE_ORIGINS: originList,
    // Where customer email (sign-in links, one-click receipts) is sent: smtp(s)://user:pass@host:port.
    // Required in production; `npm run dev` and the tests point it at their local mailbox.
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    // The From of that email; defaults to no-reply at APP_URL's host.
    MAIL_FROM: z.string().min(3).optional(),
    // Unanswered money calls (timeout, 5xx): how long after the call the worker keeps looking for
    // what Dodo did before it concludes nothing happened. Wall time on our clock, from the call.
    CHARGE_SETTLE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    PLAN_CHANGE_SETTLE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    // How often a worker looks for jobs that became due (scheduled or retried ones; new jobs are pushed at once).
    WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    // Server API (/api/v1): requests one key may make per minute.
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    // A checkout Encore did not create is accepted on its return only while its payment is this recent.
    EXTERNAL_RETURN_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  })
  .superRefine((env, ctx) => {
    // Session cookies are Secure only over https; a production app anywhere but this machine must be.
    if (env.NODE_ENV === "production" && env.APP_URL.startsWith("http://") && !isLoopbackUrl(env.APP_URL)) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "must be an https:// URL in production (sessions and HSTS need it)" });
    }
    if (env.NODE_ENV === "production" && !env.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required in production (customers sign in by email)" });
    // The SDK throws "Ambiguous URL" when both are set, and needs one of them.
    if (env.DODO_PAYMENTS_ENVIRONMENT && env.DODO_PAYMENTS_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DODO_PAYMENTS_BASE_URL"], message: "set either DODO_PAYMENTS_ENVIRONMENT or DODO_PAYMENTS_BASE_URL, not both" });
    }
    if (!env.DODO_PAYMENTS_ENVIRONMENT && !env.DODO_PAYMENTS_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DODO_PAYMENTS_ENVIRONMENT"], message: "set DODO_PAYMENTS_ENVIRONMENT (test_mode|live_mode) or DODO_PAYMENTS_BASE_URL (local sandbox)" });
    }
  });

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly keys: string[], detail: string) {
    super(`Invalid configuration: ${detail}. See .env.example.`);
    this.name = "EnvError";
  }
}

/** Parses an env record; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "env");
    const missing = source[key] === undefined || source[key] === "";
    return { key, text: `${key} ${missing ? "is missing" : issue.message}` };
  });
  throw new EnvError([...new Set(issues.map((i) => i.key))], issues.map((i) => i.text).join("; "));
}

let cached: Env | undefined;

/**
 * LOG_LEVEL alone, for the logger: it is created when lib/log is first imported, which may be
 * before the rest of the environment is in place (tests set keys first), so it must not cache the
 * whole env. An invalid value falls back to the default here; loadEnv reports it.
 */
export function loadLogLevel(): z.output<typeof logLevel> {
  const parsed = logLevel.safeParse(process.env.LOG_LEVEL || undefined);
  return parsed.success ? parsed.data : "info";
}

export function loadEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
