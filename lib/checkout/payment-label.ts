// How a payment reads in the customer's account: what happened to their money, refunds included.
// Pure, so every state is unit-tested.
import type { PaymentStatus, RefundState } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, money } from "@/lib/money/money";

export type PaymentForLabel = { status: PaymentStatus; totalAmount: number; currency: string; refundState: RefundState; refundedAmount: number };

export function paymentStatusLabel(p: PaymentForLabel, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (p.status) {
    case "SUCCEEDED":
      if (p.refundState === "FULL") return t("account.payment.refunded");
      if (p.refundState === "PARTIAL") return t("account.payment.partlyRefunded", { amount: formatMoney(money(p.refundedAmount, p.currency), locale) });
      return t("account.payment.paid");
    case "PROCESSING":
    case "REQUIRES_ACTION":
      return t("account.payment.processing");
    case "FAILED":
      return t("account.payment.failed");
    case "CANCELLED":
      return t("account.payment.cancelled");
  }
}
