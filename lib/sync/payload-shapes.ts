// What the convergence engine reads from each Dodo object, checked before it applies one. Dodo
// signs what it sends, but a signed object can still lack what we need (an empty `data`, a
// missing customer); applying it would fail the same way on every delivery, so such an event is
// refused as invalid instead (the webhook stores it REJECTED and acknowledges it). Only the fields
// the apply steps use are required; everything else passes through untouched. Types follow the
// SDK (dodopayments/resources/*).
import { z } from "zod";

const date = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "is not a date");
const id = z.string().min(1);
const amount = z.number().int();
const customer = z.looseObject({ customer_id: id, email: z.string(), name: z.string().nullish() });

const refund = z.looseObject({
  refund_id: id,
  payment_id: id,
  status: z.string(),
  is_partial: z.boolean(),
  created_at: date,
  amount: amount.nullish(),
  currency: z.string().nullish(),
  reason: z.string().nullish(),
});

const dispute = z.looseObject({
  dispute_id: id,
  payment_id: id,
  amount: z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, "is not an amount"),
  currency: z.string(),
  dispute_status: z.string(),
  dispute_stage: z.string(),
  created_at: date,
});

const payment = z.looseObject({
  payment_id: id,
  customer,
  total_amount: amount,
  currency: z.string().min(1),
  created_at: date,
  status: z.string().nullish(),
  updated_at: z.string().nullish(),
  product_cart: z.array(z.looseObject({ product_id: id, quantity: z.number().int() })).nullish(),
  refunds: z.array(refund).nullish(),
  disputes: z.array(dispute).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const subscription = z.looseObject({
  subscription_id: id,
  customer,
  product_id: id,
  quantity: z.number().int(),
  status: z.enum(["pending", "active", "on_hold", "past_due", "paused", "cancelled", "failed", "expired"]),
  recurring_pre_tax_amount: amount,
  currency: z.string().min(1),
  next_billing_date: date,
  previous_billing_date: date,
  cancel_at_next_billing_date: z.boolean(),
  created_at: date,
  scheduled_change: z.looseObject({ id: z.string(), product_id: id, quantity: z.number().int(), effective_at: date }).nullish(),
});

export const PAYLOAD_SHAPES = { payment, subscription, refund, dispute } as const;

/** A verified object Encore can never apply (the same on every delivery). */
export class InvalidPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidPayloadError";
  }
}

/** Why `data` is not a usable object of `family`, or null. */
export function payloadProblem(family: keyof typeof PAYLOAD_SHAPES, data: unknown): string | null {
  const parsed = PAYLOAD_SHAPES[family].safeParse(data);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "data"} ${issue.message.replace(/^Invalid input: /, "")}`)
    .join("; ");
}
