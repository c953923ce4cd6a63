// The console's refund form: shared by the form and its action.
import { z } from "zod";
import { optionalAmount } from "@/lib/forms/fields";

export const refundSchema = z.object({
  paymentId: z.string().min(1),
  // Blank = refund everything still refundable.
  amount: optionalAmount,
  reason: z.string().trim().min(1, "Say why (the customer's request, a duplicate order…)").max(500, "Keep the reason under 500 characters"),
});
