import "server-only";
import { signToken, verifyToken } from "@/lib/auth/signed-token";
import { loadEnv } from "@/lib/env";
import type { OfferPlacement } from "@/lib/generated/prisma/enums";

// Where Dodo sends a customer after their bank's 3-D Secure step of a one-click charge (the
// charge's return_url). An offer shown in the funnel returns to its thank-you page, through the
// customer's store session. An offer shown in the merchant's app (the embed) or on a hosted offer
// link may be answered by a customer without any session here: it returns to the offer's own
// outcome page, authorised by a signed token naming only the impression (it shows that one
// charge's outcome, nothing else), so the customer always comes back to a clear answer.

/** How long the return link works: the bank's step lasts minutes, the tab may be left open longer. */
export const BANK_RETURN_SECONDS = 24 * 60 * 60;

type BankReturnData = { i: string };

const PURPOSE = "offer-bank-return";

export function oneClickReturnUrl(imp: { id: string; placement: OfferPlacement }, now = new Date()): string {
  const appUrl = loadEnv().APP_URL;
  if (imp.placement !== "IN_APP" && imp.placement !== "HOSTED_LINK") return `${appUrl}/thank-you/authenticated?impression=${encodeURIComponent(imp.id)}`;
  const token = signToken<BankReturnData>(loadEnv().SESSION_SECRET, PURPOSE, { i: imp.id }, BANK_RETURN_SECONDS, now.getTime());
  return `${appUrl}/offer/return/${token}`;
}

/** The impression a return link names, or null (forged, expired, another purpose). */
export function bankReturnImpression(token: string | null, now = new Date()): string | null {
  const verified = verifyToken<BankReturnData>(loadEnv().SESSION_SECRET, PURPOSE, token, now.getTime());
  return verified.ok && typeof verified.data.i === "string" ? verified.data.i : null;
}
