import "server-only";
import { loadEnv } from "@/lib/env";

// How both session cookies (customer and merchant) are set. Over https they are Secure and carry
// the __Host- prefix, which the browser honours only for a Secure cookie without Domain on Path=/
// — so no subdomain or plain-http page can set or overwrite them. Plain http (development, tests
// on this machine) drops both, or the browser would refuse the cookie. SameSite is per cookie:
// the customer's is Lax because customers come back from Dodo's checkout (a cross-site
// navigation); the merchant's is Strict (the console is only ever entered from itself).

export type SessionCookieBase = "encore_customer" | "encore_merchant";

const SAME_SITE: Record<SessionCookieBase, "lax" | "strict"> = { encore_customer: "lax", encore_merchant: "strict" };

export function sessionCookie(base: SessionCookieBase, maxAge: number, appUrl: string = loadEnv().APP_URL) {
  const secure = appUrl.startsWith("https://");
  return {
    name: secure ? `__Host-${base}` : base,
    options: { httpOnly: true, secure, sameSite: SAME_SITE[base], path: "/", maxAge },
  };
}
