import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/encore",
  DODO_PAYMENTS_API_KEY: "sk_test",
  DODO_PAYMENTS_BASE_URL: "http://127.0.0.1:8787",
  DODO_PAYMENTS_WEBHOOK_KEY: "whsec_c2VjcmV0",
  APP_URL: "http://localhost:3000",
  SESSION_SECRET: "x".repeat(32),
};

describe("env", () => {
  it("accepts a complete configuration and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.OFFER_WINDOW_MINUTES).toBe(15);
    expect(env.ENTITLEMENT_GRACE_HOURS).toBe(72);
  });

  it("names a missing key", () => {
    const { APP_URL: _omitted, ...rest } = valid;
    expect(() => parseEnv(rest)).toThrow(/APP_URL is missing/);
  });

  it("names a malformed key", () => {
    try {
      parseEnv({ ...valid, DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      expect((err as EnvError).keys).toEqual(["DATABASE_URL"]);
      expect((err as Error).message).toMatch(/DATABASE_URL must be a postgres/);
    }
  });

  it("requires exactly one of the Dodo environment and the sandbox base URL", () => {
    const { DODO_PAYMENTS_BASE_URL: _b, ...none } = valid;
    expect(() => parseEnv(none)).toThrow(/DODO_PAYMENTS_ENVIRONMENT is missing|set DODO_PAYMENTS_ENVIRONMENT/);
    expect(() => parseEnv({ ...valid, DODO_PAYMENTS_ENVIRONMENT: "test_mode" })).toThrow(/not both/);
    expect(() => parseEnv({ ...none, DODO_PAYMENTS_ENVIRONMENT: "test" })).toThrow(/DODO_PAYMENTS_ENVIRONMENT/);
  });

  it("reads the operations keys: trusted proxies, frame ancestors, and https in production", () => {
    expect(parseEnv(valid)).toMatchObject({ TRUSTED_PROXIES: { kind: "none" }, FRAME_ANCESTORS: [], PORT: 3000, HOST: "0.0.0.0", LOG_LEVEL: "info", SHUTDOWN_GRACE_SECONDS: 25 });
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toEqual({ kind: "hops", count: 2 });
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "proxy.internal" })).toThrow(/TRUSTED_PROXIES must be a number of proxies/);
    expect(() => parseEnv({ ...valid, FRAME_ANCESTORS: "https://ok.example javascript:alert(1)" })).toThrow(/FRAME_ANCESTORS/);
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", APP_URL: "http://shop.example.com" })).toThrow(/APP_URL must be an https/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", APP_URL: "http://127.0.0.1:3000", SMTP_URL: "smtp://127.0.0.1:2525" }).APP_URL).toBe("http://127.0.0.1:3000");
  });

  it("requires SMTP_URL in production (customers sign in by email), as an smtp(s) URL", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production" })).toThrow(/SMTP_URL is missing/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", SMTP_URL: "smtps://u:p@smtp.example.com:465" }).SMTP_URL).toBe("smtps://u:p@smtp.example.com:465");
    expect(() => parseEnv({ ...valid, SMTP_URL: "http://smtp.example.com" })).toThrow(/SMTP_URL must be an smtp/);
    expect(parseEnv(valid).SMTP_URL).toBeUndefined();
  });
});
