// The pure parts of the edge: who the client is, which headers every response carries, how the
// session cookies are set, and which action bodies the proxy refuses before Next decodes them.
import { describe, expect, it } from "vitest";
import { checkFetchActionBody, checkFormActionBody, originRefusal } from "@/lib/http/action-request";
import { resolveClientIp } from "@/lib/http/client-ip";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/http/security-headers";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";
import { sessionCookie } from "@/lib/auth/session-cookie";

describe("client address", () => {
  const none = parseTrustedProxies(undefined);
  it("is the connection's peer unless proxies are configured, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp({ peer: "203.0.113.9", forwardedFor: "1.2.3.4" }, none)).toBe("203.0.113.9");
    expect(resolveClientIp({ peer: "::ffff:203.0.113.9", forwardedFor: null }, none)).toBe("203.0.113.9");
    expect(resolveClientIp({ peer: null, forwardedFor: "1.2.3.4" }, none)).toBe("unknown");
  });
  it("with a hop count, is the entry the last trusted proxy appended (forged entries to its left are ignored)", () => {
    const one = parseTrustedProxies("1");
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7" }, one)).toBe("198.51.100.7");
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: null }, one)).toBe("10.0.0.2");
    // A platform without our server (the peer unknown) that overwrites the header, e.g. Vercel.
    expect(resolveClientIp({ peer: null, forwardedFor: "198.51.100.7" }, one)).toBe("198.51.100.7");
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7, 10.0.0.1" }, parseTrustedProxies("2"))).toBe("198.51.100.7");
  });
  it("with CIDR ranges, is the nearest address outside them; an untrusted peer is the client", () => {
    const cloudflare = parseTrustedProxies("173.245.48.0/20, 10.0.0.0/8");
    expect(resolveClientIp({ peer: "173.245.48.10", forwardedFor: "6.6.6.6, 198.51.100.7" }, cloudflare)).toBe("198.51.100.7");
    expect(resolveClientIp({ peer: "198.51.100.99", forwardedFor: "6.6.6.6" }, cloudflare)).toBe("198.51.100.99");
    expect(resolveClientIp({ peer: "10.1.1.1", forwardedFor: "not-an-ip" }, cloudflare)).toBe("unknown");
  });
  it("refuses a TRUSTED_PROXIES value that is neither a count nor addresses", () => {
    expect(parseTrustedProxies(" none ")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("loopback")).toEqual({ kind: "addresses", list: ["loopback"] });
    expect(() => parseTrustedProxies("my-proxy.internal")).toThrow(/number of proxies or a list/);
  });
});

describe("security headers", () => {
  const dev = { NODE_ENV: "development", APP_URL: "http://localhost:3000", DODO_PAYMENTS_BASE_URL: "http://127.0.0.1:8787", DODO_PAYMENTS_ENVIRONMENT: undefined, FRAME_ANCESTORS: [] as string[], IMAGE_ORIGINS: [] as string[] } as const;
  const prod = { NODE_ENV: "production", APP_URL: "https://shop.example.com", DODO_PAYMENTS_BASE_URL: undefined, DODO_PAYMENTS_ENVIRONMENT: "live_mode", FRAME_ANCESTORS: [] as string[], IMAGE_ORIGINS: [] as string[] } as const;

  it("a nonce CSP without eval or inline scripts in production, HSTS over https, framing refused", () => {
    const csp = contentSecurityPolicy(prod, "n0nce", "/thank-you");
    expect(csp).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic';");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://checkout.dodopayments.com");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(staticSecurityHeaders(prod, "/")).toEqual({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
      "x-frame-options": "DENY",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
  });
  it("dev allows eval (React's error stacks) and has no HSTS; the sandbox is a form target", () => {
    const csp = contentSecurityPolicy(dev, "n", "/");
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("form-action 'self' http://127.0.0.1:8787");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(staticSecurityHeaders(dev, "/")["strict-transport-security"]).toBeUndefined();
  });
  it("only the embeddable pages may be framed, and only by FRAME_ANCESTORS", () => {
    const embedding = { ...prod, FRAME_ANCESTORS: ["https://app.merchant.example"] };
    expect(contentSecurityPolicy(embedding, "n", "/account/plan")).toContain("frame-ancestors https://app.merchant.example");
    expect(staticSecurityHeaders(embedding, "/account/plan")["x-frame-options"]).toBeUndefined();
    expect(contentSecurityPolicy(embedding, "n", "/account")).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(prod, "n", "/account/plan")).toContain("frame-ancestors 'none'");
  });
  it("the offer editor's preview may be framed by the console only", () => {
    expect(contentSecurityPolicy(prod, "n", "/merchant/offers/preview")).toContain("frame-ancestors 'self'");
    expect(staticSecurityHeaders(prod, "/merchant/offers/preview")["x-frame-options"]).toBe("SAMEORIGIN");
    expect(contentSecurityPolicy(prod, "n", "/merchant/offers/preview/x")).toContain("frame-ancestors 'none'");
    expect(staticSecurityHeaders(prod, "/merchant/offers/new")["x-frame-options"]).toBe("DENY");
  });
  it("images load from the app and IMAGE_ORIGINS only", () => {
    expect(contentSecurityPolicy(prod, "n", "/")).toContain("img-src 'self' data: blob:;");
    expect(contentSecurityPolicy({ ...prod, IMAGE_ORIGINS: ["https://cdn.shop.example", "https://images.dodo.example"] }, "n", "/")).toContain("img-src 'self' data: blob: https://cdn.shop.example https://images.dodo.example;");
  });
});

describe("session cookies", () => {
  it("are __Host- prefixed and Secure over https, SameSite always", () => {
    expect(sessionCookie("encore_customer", 60, "https://shop.example.com")).toEqual({ name: "__Host-encore_customer", options: { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 60 } });
    expect(sessionCookie("encore_merchant", 60, "https://shop.example.com")).toMatchObject({ name: "__Host-encore_merchant", options: { secure: true, sameSite: "strict" } });
    expect(sessionCookie("encore_merchant", 60, "http://localhost:3000")).toMatchObject({ name: "encore_merchant", options: { secure: false, sameSite: "strict" } });
  });
});

describe("action bodies the proxy refuses", () => {
  const text = (body: string) => checkFetchActionBody("text/plain;charset=UTF-8", new TextEncoder().encode(body));
  const multipart = async (form: FormData) => {
    const request = new Request("http://x/", { method: "POST", body: form });
    return { type: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
  };

  it("accepts what React's client sends for our actions", async () => {
    expect(await text('["imp_123"]')).toBeNull();
    expect(await text('[{"attempt":1,"result":null,"values":{"a":"$$5"}},"$undefined","$D2026-01-01T00:00:00.000Z","$n12"]')).toBeNull();
    expect(await text('[{"a":{"b":1}},"$0:0:a"]')).toBeNull();
    const form = new FormData();
    form.set("0", '[{"attempt":0,"result":null,"values":{}},"$K1"]');
    form.set("_1_productId", "prod_1");
    const { type, body } = await multipart(form);
    expect(await checkFetchActionBody(type, body)).toBeNull();
  });

  it("refuses bad JSON, deep nesting, non-list arguments, unknown markers and dangling references with 400", async () => {
    for (const body of ['["imp', "[".repeat(5000) + "]".repeat(5000), '"x"', '{"a":1}', '["$Q1"]', '["$n12x"]', '["$T"]', '["$h1"]', '["$@5"]', '["$0:7"]', '["\\u0000"]', '["\\ud800"]', JSON.stringify(Array(20).fill(1))]) {
      expect(await text(body), body.slice(0, 40)).toMatchObject({ status: 400 });
    }
    const upload = new FormData();
    upload.set("0", '["$K1"]');
    upload.set("_1_file", new Blob(["x"]), "x.txt");
    const { type, body } = await multipart(upload);
    expect(await checkFetchActionBody(type, body)).toMatchObject({ status: 400, message: expect.stringMatching(/File uploads/) });
    expect(await checkFetchActionBody("multipart/form-data; boundary=nope", new TextEncoder().encode("garbage"))).toMatchObject({ status: 400 });
  });

  it("checks a no-JavaScript form post's fields and action rows", async () => {
    const ok = new FormData();
    ok.set("$ACTION_REF_1", "");
    ok.set("$ACTION_1:0", '{"id":"7f00","bound":"$@1"}');
    ok.set("$ACTION_1:1", '[{"attempt":0}]');
    ok.set("name", "<b>Bold</b> & \"quoted\" 😀");
    const good = await multipart(ok);
    expect(await checkFormActionBody(good.type, good.body)).toBeNull();
    ok.set("$ACTION_1:0", '{"id":"7f00","bound":');
    const broken = await multipart(ok);
    expect(await checkFormActionBody(broken.type, broken.body)).toMatchObject({ status: 400 });
    const nul = new FormData();
    nul.set("$ACTION_ID_7f00", "");
    nul.set("impressionId", "imp_\u0000");
    const withNul = await multipart(nul);
    expect(await checkFormActionBody(withNul.type, withNul.body)).toMatchObject({ status: 400, message: expect.stringMatching(/NUL/) });
  });

  it("refuses actions posted from another origin, or with an Origin it cannot read, with 403", () => {
    expect(originRefusal(new Headers({ origin: "https://shop.example.com", host: "shop.example.com" }))).toBeNull();
    expect(originRefusal(new Headers({ host: "shop.example.com" }))).toBeNull();
    expect(originRefusal(new Headers({ origin: "https://evil.example", host: "shop.example.com" }))).toMatchObject({ status: 403 });
    expect(originRefusal(new Headers({ origin: "::nope", host: "shop.example.com" }))).toMatchObject({ status: 403 });
  });
});
