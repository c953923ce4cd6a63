// The "Email me a sign-in link" form's input, shared by the form (checked before it is sent) and
// the server (lib/auth/customer-sign-in.ts). No server code here: the client form imports it.
import { z } from "zod";

// The form shows these in the customer's language (components/store/sign-in-link-form.tsx).
export const EMAIL_TOO_LONG = "That email address is too long";
export const EMAIL_INVALID = "Enter the email address you bought with, like you@example.com";

export const signInLinkSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, EMAIL_TOO_LONG).pipe(z.email(EMAIL_INVALID)),
  next: z.string().max(300).optional(),
});
