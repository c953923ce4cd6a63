// How a payment reads in the customer's account: what happened to their money, refunds included.
// Pure, so every state is unit-tested.
import type { PaymentStatus, RefundState } from "@/lib/generated/prisma/enums";
import { formatMoney, money } from "@/lib/money/money";

export type PaymentForLabel = { status: PaymentStatus; totalAmount: number; currency: string; refundState: RefundState; refundedAmount: number };

export function paymentStatusLabel(p: PaymentForLabel): string {
  switch (p.status) {
    case "SUCCEEDED":
      if (p.refundState === "FULL") return "Refunded";
      if (p.refundState === "PARTIAL") return `Paid · ${formatMoney(money(p.refundedAmount, p.currency))} refunded`;
      return "Paid";
    case "PROCESSING":
    case "REQUIRES_ACTION":
      return "Processing";
    case "FAILED":
      return "Failed: nothing was charged";
    case "CANCELLED":
      return "Cancelled: nothing was charged";
  }
}
