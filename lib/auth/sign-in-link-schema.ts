// The "Email me a sign-in link" form's input, checked by the server (lib/auth/customer-sign-in.ts),
// whose field messages the form shows. The form itself does not import it: it sits on the thank-you
// page, and zod would be most of that page's client JS (~23 kB gzipped).
import { z } from "zod";
import { EMAIL_INVALID, EMAIL_TOO_LONG } from "./sign-in-link-messages";

export const signInLinkSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, EMAIL_TOO_LONG).pipe(z.email(EMAIL_INVALID)),
  next: z.string().max(300).optional(),
});
