import "server-only";
import crypto from "node:crypto";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { classifyDodoError } from "@/lib/dodo/errors";
import { readEncoreMetadata } from "@/lib/dodo/metadata";
import { loadEnv } from "@/lib/env";
import type { Payment } from "@/lib/generated/prisma/client";
import type { Failure, Success } from "@/lib/result";
import { settledOutcome } from "@/lib/sync/rules";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";
import { boughtProductIds, openFunnelFor } from "./order";
import { logger } from "@/lib/log";

const log = logger("checkout");

// The return from a checkout Encore did not create (a payment link, a session made in the Dodo
// dashboard or by the merchant's server straight at Dodo): Dodo sends the browser to
// /checkout/return?payment_id=…&status=… (or subscription_id=…). Nothing in the URL is trusted
// but the id it names: the payment is read from Dodo, and it opens the thank-you page only if it
//   - succeeded (Dodo's own status, never the URL's `status`),
//   - is recent: paid within EXTERNAL_RETURN_MINUTES (a renewal of an older subscription never is),
//   - was not made by Encore (our checkouts and one-click charges have their own signed return),
//   - is unclaimed: the first browser to come back claims it (a unique row per payment, so two
//     browsers racing get one winner across app instances) and gets the customer session; any
//     other browser gets a refusal, no session and no offer. The threat model is in the README.

export type ExternalReturnInput = { paymentId: string | null; subscriptionId: string | null };

export type ExternalReturnResult =
  | Success<{ customerId: string; intentId: string }>
  | (Failure<"forbidden" | "wrong_return" | "not_found" | "not_paid" | "declined" | "expired" | "unverified"> & { status: 402 | 403 | 404 | 409 | 410 | 502 });

const CLAIMED = { ok: false, code: "forbidden", status: 403, message: "This purchase was already opened in another browser. Its offers are only shown there. Check your email for your receipt." } as const;
const NOT_FOUND = { ok: false, code: "not_found", status: 404, message: "We could not find this purchase." } as const;
// Encore made this checkout: its own signed return (/thank-you/confirm) is the only way in.
const OURS = { ok: false, code: "wrong_return", status: 403, message: "This link is not valid for this purchase." } as const;

/** The payment a subscription's return stands for: its newest one (the checkout's first charge). */
async function paymentOfSubscription(client: DodoPayments, subscriptionId: string): Promise<string | null> {
  await syncSubscription(subscriptionId, { dodo: client });
  const { items } = await client.payments.list({ subscription_id: subscriptionId, page_number: 0, page_size: 5 }, SAFE_CALL_OPTIONS);
  return items[0]?.payment_id ?? null;
}

function madeByEncore(payment: Payment): boolean {
  const ours = readEncoreMetadata(payment.metadata);
  return Object.keys(ours).length > 0;
}

async function isRecent(payment: Payment, now: Date): Promise<boolean> {
  const windowMs = loadEnv().EXTERNAL_RETURN_MINUTES * 60_000;
  if (now.getTime() - payment.dodoCreatedAt.getTime() > windowMs) return false;
  if (!payment.subscriptionId) return true;
  // A renewal is a new, recent payment of an old subscription: not a checkout anyone returns from.
  const sub = await db.subscription.findUnique({ where: { id: payment.subscriptionId }, select: { dodoCreatedAt: true } });
  return !!sub && now.getTime() - sub.dodoCreatedAt.getTime() <= windowMs;
}

export async function claimExternalReturn(input: ExternalReturnInput, sessionCustomerId: string | null, client: DodoPayments = dodo(), now = new Date()): Promise<ExternalReturnResult> {
  let payment: Payment;
  let productIds: string[];
  try {
    const paymentId = input.paymentId ?? (input.subscriptionId ? await paymentOfSubscription(client, input.subscriptionId) : null);
    if (!paymentId) return NOT_FOUND;
    payment = await syncPayment(paymentId, { dodo: client });
    productIds = await boughtProductIds(payment);
  } catch (err) {
    const failure = classifyDodoError(err);
    if (failure.kind === "refused" && failure.status === 404) return NOT_FOUND;
    log.error({ err }, "could not verify an external checkout's payment");
    return { ok: false, code: "unverified", status: 502, message: "We could not confirm your payment yet. Please reload this page in a moment." };
  }

  // Back or reload in the browser that claimed it: its session already proves who bought.
  const claim = await db.checkoutIntent.findUnique({ where: { paymentId: payment.id } });
  if (claim) return claim.customerId === sessionCustomerId && claim.customerId ? { ok: true, customerId: claim.customerId, intentId: claim.id } : CLAIMED;

  if (madeByEncore(payment)) return OURS;
  const settled = settledOutcome(payment.status);
  if (settled === "unpaid") return { ok: false, code: "declined", status: 402, message: "Your payment did not go through and nothing was charged." };
  if (!settled) return { ok: false, code: "not_paid", status: 409, message: "Your payment is not confirmed yet. Please reload this page in a moment." };
  if (!(await isRecent(payment, now))) {
    return { ok: false, code: "expired", status: 410, message: "This purchase is too old to open its thank-you page again. Your access is not affected; sign in to your account to see it." };
  }
  const productId = productIds[0];
  if (!productId) return NOT_FOUND;

  const intentId = crypto.randomBytes(18).toString("base64url");
  // ON CONFLICT DO NOTHING on both unique keys: another browser (or instance) claimed it first, or
  // Encore created this session itself (its signed return is the only way in).
  const { count } = await db.checkoutIntent.createMany({
    data: [{
      id: intentId,
      origin: "EXTERNAL",
      paymentId: payment.id,
      dodoSessionId: payment.checkoutSessionId,
      productId,
      customerId: payment.customerId,
      createdAt: now,
      expiresAt: now,
      consumedAt: now,
    }],
    skipDuplicates: true,
  });
  if (count !== 1) return CLAIMED;
  await openFunnelFor(payment, productIds);
  return { ok: true, customerId: payment.customerId, intentId };
}
