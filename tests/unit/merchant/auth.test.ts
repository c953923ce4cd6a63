// Merchant sign-in: password check, Postgres-backed rate limit and session tokens.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signToken } from "@/lib/auth/signed-token";
import { db } from "@/lib/db/client";
import { authenticateMerchant } from "@/lib/auth/merchant-sign-in";
import { emailKey, LOGIN_LIMITS, reserveLoginAttempt } from "@/lib/auth/login-rate-limit";
import { mintMerchantToken, passwordFingerprint, readMerchantToken } from "@/lib/auth/merchant-token";
import { createMerchantUser, ensureMerchantUser } from "@/lib/auth/merchant-users";

const unique = () => crypto.randomBytes(5).toString("hex");
const SECRET = "unit-test-session-secret-0123456789abcdef";

describe("merchant users", () => {
  it("ensureMerchantUser creates once, then resets the password; only a scrypt hash is stored", async () => {
    const email = `Owner-${unique()}@Example.com`;
    const first = await ensureMerchantUser(email, "first-password-1");
    const second = await ensureMerchantUser(email, "second-password-2");
    expect(second.id).toBe(first.id);
    expect(first.email).toBe(email.toLowerCase());
    const row = await db.merchantUser.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain("second-password-2");
    expect((await authenticateMerchant({ email, password: "second-password-2" }, `ip-${unique()}`)).ok).toBe(true);
    expect((await authenticateMerchant({ email, password: "first-password-1" }, `ip-${unique()}`)).ok).toBe(false);
  });

  it("createMerchantUser prints a password once and refuses to overwrite without --reset", async () => {
    const email = `new-${unique()}@example.com`;
    const created = await createMerchantUser(email);
    expect(created.created && created.password.length).toBeGreaterThanOrEqual(20);
    expect(await createMerchantUser(email)).toEqual({ created: false, email, reason: "exists" });
    const reset = await createMerchantUser(email, { reset: true });
    expect(reset.created).toBe(true);
    if (!created.created || !reset.created) throw new Error("unreachable");
    expect((await authenticateMerchant({ email, password: reset.password }, `ip-${unique()}`)).ok).toBe(true);
    expect((await authenticateMerchant({ email, password: created.password }, `ip-${unique()}`)).ok).toBe(false);
  });

  it("refuses short passwords and bad emails", async () => {
    await expect(ensureMerchantUser(`a-${unique()}@example.com`, "short")).rejects.toThrow(/at least/);
    await expect(ensureMerchantUser("not-an-email", "long-enough-password")).rejects.toThrow();
  });
});

describe("authenticateMerchant", () => {
  it("answers the same for an unknown email and a wrong password", async () => {
    const email = `m-${unique()}@example.com`;
    await ensureMerchantUser(email, "correct-horse-battery");
    const wrong = await authenticateMerchant({ email, password: "nope" }, `ip-${unique()}`);
    const unknown = await authenticateMerchant({ email: `ghost-${unique()}@example.com`, password: "nope" }, `ip-${unique()}`);
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, code: "invalid_credentials", message: "Email or password is incorrect." });
  });

  it("words a refusal in the sign-in page's language", async () => {
    const email = `m-${unique()}@example.com`;
    await ensureMerchantUser(email, "correct-horse-battery");
    const wrong = await authenticateMerchant({ email, password: "nope" }, `ip-${unique()}`, { locale: "pt-BR" });
    expect(wrong).toMatchObject({ ok: false, code: "invalid_credentials", message: "E-mail ou senha incorretos." });
  });

  it("returns field errors for malformed input", async () => {
    const result = await authenticateMerchant({ email: "nope", password: "" }, "ip");
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    if (result.ok) throw new Error("unreachable");
    expect(Object.keys(result.fieldErrors!)).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("locks an account after 5 failures, even for the right password, and a success clears the count", async () => {
    const email = `lock-${unique()}@example.com`;
    await ensureMerchantUser(email, "right-password-123");
    expect((await authenticateMerchant({ email, password: "right-password-123" }, `ip-${unique()}`)).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect(await authenticateMerchant({ email, password: "wrong" }, `ip-${unique()}`)).toMatchObject({ code: "invalid_credentials" });
    // Four failures, then a success: the slate is clean again.
    expect((await authenticateMerchant({ email, password: "right-password-123" }, `ip-${unique()}`)).ok).toBe(true);
    expect(await db.loginAttempt.count({ where: { key: emailKey(email) } })).toBe(0);
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) await authenticateMerchant({ email, password: "wrong" }, `ip-${unique()}`);
    const locked = await authenticateMerchant({ email, password: "right-password-123" }, `ip-${unique()}`);
    expect(locked).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("limits one address across many accounts", async () => {
    const ip = `ip-${unique()}`;
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) await reserveLoginAttempt([{ key: `ip:${ip}`, limit: LOGIN_LIMITS.perIp }]);
    const result = await authenticateMerchant({ email: `any-${unique()}@example.com`, password: "x" }, ip);
    expect(result).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("lets exactly `limit` of many concurrent attempts through (the count lives in Postgres)", async () => {
    const key = `email:race-${unique()}`;
    const results = await Promise.all(Array.from({ length: 12 }, () => reserveLoginAttempt([{ key, limit: 5 }])));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const blocked = results.find((r) => !r.ok);
    expect(blocked && !blocked.ok && blocked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("forgets failures older than the window", async () => {
    const key = `email:old-${unique()}`;
    const past = new Date(Date.now() - LOGIN_LIMITS.windowMs - 1000);
    for (let i = 0; i < 5; i++) await reserveLoginAttempt([{ key, limit: 5 }], past);
    expect((await reserveLoginAttempt([{ key, limit: 5 }])).ok).toBe(true);
  });
});

describe("merchant session token", () => {
  const user = { id: "usr_1", passwordHash: "scrypt$16384$8$1$salt$hash" };

  it("round-trips and is bound to the password hash", () => {
    const token = mintMerchantToken(SECRET, user);
    expect(readMerchantToken(SECRET, token)).toEqual({ uid: "usr_1", pv: passwordFingerprint(user.passwordHash) });
    expect(passwordFingerprint("scrypt$other")).not.toBe(passwordFingerprint(user.passwordHash));
  });

  it("rejects customer tokens, tampering, other secrets and expiry", () => {
    const customer = signToken(SECRET, "customer-session", { uid: "usr_1", pv: "x" }, 3600);
    expect(readMerchantToken(SECRET, customer)).toBeNull();
    const token = mintMerchantToken(SECRET, user);
    expect(readMerchantToken(SECRET, `${token.slice(0, -2)}xx`)).toBeNull();
    expect(readMerchantToken(`${SECRET}-other`, token)).toBeNull();
    expect(readMerchantToken(SECRET, token, Date.now() + 13 * 3600 * 1000)).toBeNull();
    expect(readMerchantToken(SECRET, undefined)).toBeNull();
  });
});
