import "server-only";
import crypto from "node:crypto";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { signToken, verifyToken } from "@/lib/auth/signed-token";
import { bankReturnImpression } from "@/lib/checkout/bank-return";
import { chargeStatus } from "@/lib/checkout/one-click";
import type { ChargeView } from "@/lib/checkout/outcome";
import { db } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import type { Result } from "@/lib/result";
import { offerView, type OfferView } from "@/lib/offers/view";
import { currentMomentOffer } from "./current";
import { showMomentOffer, type PromptView } from "./prompt";
import { throttleOfferLink } from "./throttle";

// The two ways a customer reaches an in-app offer outside Encore's own pages, both minted by the
// merchant's server through the API and never naming a customer id the browser could change:
// - an embed token: the embeddable prompt sends it with every request (lib/moments/embed.ts);
// - a hosted offer link: signed, short-lived, spent by its first opening (OfferLink.usedAt).

/** How long an embed token lets the prompt act for its customer (the merchant's page asks for a new one per page view). */
export const EMBED_TOKEN_SECONDS = 60 * 60;
/** How long a hosted offer link can be opened: long enough for an email or an in-app link, short enough to be worthless later. */
export const OFFER_LINK_SECONDS = 30 * 60;

type EmbedTokenData = { c: string };
type OfferLinkData = { l: string };

export function mintEmbedToken(customerId: string, now = new Date()): { token: string; expiresAt: Date } {
  const token = signToken<EmbedTokenData>(loadEnv().SESSION_SECRET, "embed-session", { c: customerId }, EMBED_TOKEN_SECONDS, now.getTime());
  return { token, expiresAt: new Date(now.getTime() + EMBED_TOKEN_SECONDS * 1000) };
}

/** The customer an embed token speaks for, or null (forged, expired, another purpose, customer gone). */
export async function embedCustomer(token: string | null, now = new Date()): Promise<(SessionCustomer & { locale: string | null }) | null> {
  const verified = verifyToken<EmbedTokenData>(loadEnv().SESSION_SECRET, "embed-session", token, now.getTime());
  if (!verified.ok || typeof verified.data.c !== "string") return null;
  // With the language they last used in the store: the prompt's, when the merchant's page names none.
  return db.customer.findUnique({ where: { id: verified.data.c }, select: { id: true, dodoCustomerId: true, email: true, name: true, locale: true } });
}

/** A hosted offer link for an offer due at a moment. */
export async function mintOfferLink(input: { customerId: string; offerId: string; momentId: string | null }, now = new Date()): Promise<{ url: string; expiresAt: Date }> {
  const id = crypto.randomBytes(16).toString("base64url");
  const expiresAt = new Date(now.getTime() + OFFER_LINK_SECONDS * 1000);
  await db.offerLink.create({ data: { id, customerId: input.customerId, offerId: input.offerId, momentId: input.momentId, expiresAt, createdAt: now } });
  const token = signToken<OfferLinkData>(loadEnv().SESSION_SECRET, "offer-link", { l: id }, OFFER_LINK_SECONDS, now.getTime());
  return { url: `${loadEnv().APP_URL}/offer/${token}`, expiresAt };
}

export type OpenLinkResult =
  | Result<{ customer: SessionCustomer; view: PromptView }, "invalid" | "expired" | "used" | "other_customer" | "unavailable">
  | { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number };

const INVALID = { ok: false, code: "invalid", message: "This offer link is not valid." } as const;
const EXPIRED = { ok: false, code: "expired", message: "This offer link has expired." } as const;
const USED = { ok: false, code: "used", message: "This offer link has already been used." } as const;

/**
 * Opens a hosted offer link: valid, unexpired, never opened before, and not while another
 * customer is signed in here (that session is left as it is, and the link stays unspent). The
 * first opening spends it (compare-and-set on usedAt, so two openings at once spend it once) and
 * records the impression it shows; the caller then signs its customer in to answer the offer.
 */
export async function openOfferLink(token: string | null, signedIn: { id: string } | null, ip: string, now = new Date()): Promise<OpenLinkResult> {
  const verified = verifyToken<OfferLinkData>(loadEnv().SESSION_SECRET, "offer-link", token, now.getTime());
  if (!verified.ok) return verified.reason === "expired" ? EXPIRED : INVALID;
  const throttle = await throttleOfferLink(ip, now);
  if (!throttle.ok) return { ok: false, code: "rate_limited", message: "Too many offer links were opened from here. Please wait a minute and try again.", retryAfterSeconds: throttle.retryAfterSeconds };
  const link = await db.offerLink.findUnique({ where: { id: String(verified.data.l) } });
  if (!link) return INVALID;
  if (signedIn && signedIn.id !== link.customerId) {
    return { ok: false, code: "other_customer", message: "This offer is for another account. Sign out first, or ask for the link to be sent to you." };
  }
  const { count } = await db.offerLink.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count === 0) return link.usedAt ? USED : EXPIRED;
  const customer = await db.customer.findUnique({ where: { id: link.customerId }, select: { id: true, dodoCustomerId: true, email: true, name: true } });
  if (!customer) return INVALID;
  const due = await currentMomentOffer(customer.id, now, { offerId: link.offerId, momentId: link.momentId });
  const view = due ? await showMomentOffer(customer, "HOSTED_LINK", now, due) : null;
  if (!view) return { ok: false, code: "unavailable", message: "This offer is no longer available." };
  const impressionId = view.kind === "offer" ? view.offer.impressionId : view.impressionId;
  await db.offerLink.update({ where: { id: link.id }, data: { impressionId } });
  return { ok: true, customer, view };
}

export type HostedOffer = { state: "open"; view: OfferView } | { state: "closed"; outcome: "ACCEPTED" | "DECLINED" | "FAILED" | "EXPIRED"; productName: string };

/**
 * What the hosted offer page shows for one of the customer's link impressions: the offer (with
 * its charge, while one runs or once it settled), or how it was answered. Null for an impression
 * that is not this customer's hosted-link offer.
 */
export async function hostedOffer(impressionId: string, customer: SessionCustomer): Promise<HostedOffer | null> {
  const imp = await db.offerImpression.findUnique({ where: { id: impressionId }, include: { decision: true, chargeAttempt: { select: { id: true } }, offer: { include: { offeredProduct: { select: { name: true } } } } } });
  if (!imp || imp.customerId !== customer.id || !imp.offer) return null;
  if (imp.decision && !imp.chargeAttempt) return { state: "closed", outcome: imp.decision.outcome, productName: imp.offer.offeredProduct.name };
  return { state: "open", view: await offerView(imp.id, customer) };
}

export type BankReturn =
  | { state: "invalid" }
  | { state: "rate_limited" }
  | { state: "ok"; impressionId: string; productName: string; placement: "IN_APP" | "HOSTED_LINK"; charge: ChargeView | null };

/**
 * What a customer coming back from their bank's 3-D Secure step sees, for an in-app or hosted-link
 * offer (lib/checkout/bank-return.ts): the charge's outcome, read from Dodo first. The signed link
 * is the authority (the customer may have no session here); it shows that one charge only.
 */
export async function bankReturnView(token: string, ip: string, now = new Date()): Promise<BankReturn> {
  const impressionId = bankReturnImpression(token, now);
  if (!impressionId) return { state: "invalid" };
  if (!(await throttleOfferLink(ip, now)).ok) return { state: "rate_limited" };
  const imp = await db.offerImpression.findUnique({ where: { id: impressionId }, select: { id: true, customerId: true, placement: true, offer: { select: { offeredProduct: { select: { name: true } } } } } });
  if (!imp?.offer || (imp.placement !== "IN_APP" && imp.placement !== "HOSTED_LINK")) return { state: "invalid" };
  const charge = await chargeStatus({ impressionId: imp.id, customerId: imp.customerId });
  return { state: "ok", impressionId: imp.id, productName: imp.offer.offeredProduct.name, placement: imp.placement, charge };
}
