// Magic links sign a customer in once: a second use, even racing the first from another app
// instance, is refused.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MAGIC_LINK_SECONDS, mintMagicLink, redeemMagicLink } from "@/lib/auth/customer-session";
import { signToken } from "@/lib/auth/signed-token";
import { loadEnv } from "@/lib/env";
import { seedCustomer } from "@/tests/support/seed";

const tokenOf = (link: string) => new URL(link).searchParams.get("token");

describe("magic links", () => {
  it("sign in once; every later use is refused as used", async () => {
    const customer = await seedCustomer();
    const token = tokenOf(mintMagicLink(customer.id));
    expect(await redeemMagicLink(token)).toEqual({ ok: true, customerId: customer.id });
    expect(await redeemMagicLink(token)).toMatchObject({ ok: false, code: "used", message: expect.stringMatching(/already been used/) });
  });

  it("let exactly one of many concurrent uses through", async () => {
    const customer = await seedCustomer();
    const token = tokenOf(mintMagicLink(customer.id));
    const results = await Promise.all(Array.from({ length: 8 }, () => redeemMagicLink(token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "used")).toHaveLength(7);
  });

  it("are independent of each other, and refuse forged, expired and jti-less tokens", async () => {
    const customer = await seedCustomer();
    const [a, b] = [tokenOf(mintMagicLink(customer.id)), tokenOf(mintMagicLink(customer.id))];
    expect((await redeemMagicLink(a)).ok).toBe(true);
    expect((await redeemMagicLink(b)).ok).toBe(true);
    expect(await redeemMagicLink("forged.token")).toMatchObject({ ok: false, code: "invalid" });
    expect(await redeemMagicLink(null)).toMatchObject({ ok: false, code: "invalid" });
    const old = tokenOf(mintMagicLink(customer.id, Date.now() - (MAGIC_LINK_SECONDS + 1) * 1000));
    expect(await redeemMagicLink(old)).toMatchObject({ ok: false, code: "invalid" });
    const withoutJti = signToken(loadEnv().SESSION_SECRET, "magic-link", { c: customer.id }, 60);
    expect(await redeemMagicLink(withoutJti)).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.magicLinkUse.count({ where: { customerId: customer.id } })).toBe(2);
  });
});
