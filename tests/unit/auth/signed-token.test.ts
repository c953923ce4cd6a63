import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "@/lib/auth/signed-token";

const secret = "s".repeat(32);

describe("signed tokens", () => {
  it("round-trips data for the same purpose", () => {
    const token = signToken(secret, "customer-session", { customerId: "c1" }, 60);
    const result = verifyToken<{ customerId: string }>(secret, "customer-session", token);
    expect(result).toMatchObject({ ok: true, data: { customerId: "c1" } });
  });

  it("rejects tampering, another secret, another purpose and expiry", () => {
    const token = signToken(secret, "customer-session", { customerId: "c1" }, 60, 1_000_000);
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ p: "customer-session", exp: 9e9, d: { customerId: "c2" } })).toString("base64url");
    expect(verifyToken(secret, "customer-session", `${forged}.${sig}`, 1_000_000)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyToken("t".repeat(32), "customer-session", token, 1_000_000)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyToken(secret, "merchant-session", token, 1_000_000)).toEqual({ ok: false, reason: "wrong-purpose" });
    expect(verifyToken(secret, "customer-session", token, 1_000_000 + 61_000)).toEqual({ ok: false, reason: "expired" });
    expect(verifyToken(secret, "customer-session", `${body}`, 1_000_000)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyToken(secret, "customer-session", undefined)).toEqual({ ok: false, reason: "malformed" });
  });
});
