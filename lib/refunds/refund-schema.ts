// The console's refund form: shared by the form and its action.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
import { optionalAmount } from "@/lib/forms/fields";

export const refundSchema = z.object({
  paymentId: z.string().min(1),
  // Blank = refund everything still refundable.
  amount: optionalAmount,
  reason: z.string().trim().min(1, fieldMessage("console.fields.refund.reason")).max(500, fieldMessage("console.fields.refund.reasonLength")),
});
