// The "Email me a sign-in link" form's input, shared by the form (checked before it is sent) and
// the server (lib/auth/customer-sign-in.ts). No server code here: the client form imports it.
import { z } from "zod";

export const signInLinkSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, "That email address is too long").pipe(z.email("Enter the email address you bought with, like you@example.com")),
  next: z.string().max(300).optional(),
});
