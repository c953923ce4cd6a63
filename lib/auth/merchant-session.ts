import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import { MERCHANT_SESSION_TTL_SECONDS, mintMerchantToken, passwordFingerprint, readMerchantToken } from "./merchant-token";
import { sessionCookie } from "./session-cookie";

const merchantCookie = () => sessionCookie("encore_merchant", MERCHANT_SESSION_TTL_SECONDS);

export type Merchant = { id: string; email: string };

export const SIGN_IN_PATH = "/merchant/sign-in";

/** The signed-in merchant for this request, or null. The user row is re-read on every request, so a deleted account or a changed password ends the session. */
export const getMerchant = cache(async (): Promise<Merchant | null> => {
  const claims = readMerchantToken(loadEnv().SESSION_SECRET, (await cookies()).get(merchantCookie().name)?.value);
  if (!claims) return null;
  const user = await db.merchantUser.findUnique({ where: { id: claims.uid }, select: { id: true, email: true, passwordHash: true } });
  if (!user || passwordFingerprint(user.passwordHash) !== claims.pv) return null;
  return { id: user.id, email: user.email };
});

/** Every merchant page and server action starts with this: no merchant session → sign-in page. */
export async function requireMerchant(): Promise<Merchant> {
  const merchant = await getMerchant();
  if (!merchant) redirect(SIGN_IN_PATH);
  return merchant;
}

export async function startMerchantSession(user: { id: string; passwordHash: string }): Promise<void> {
  const { name, options } = merchantCookie();
  (await cookies()).set(name, mintMerchantToken(loadEnv().SESSION_SECRET, user), options);
}

export async function endMerchantSession(): Promise<void> {
  // Deleting must repeat the attributes: a __Host- cookie is only replaced by one that is Secure on Path=/.
  const { name, options } = merchantCookie();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
