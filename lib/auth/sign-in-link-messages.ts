// The sign-in link form's field messages as the server's schema words them (lib/auth/sign-in-link-schema.ts).
// The form (components/store/sign-in-link-form.tsx) shows them in the customer's language by
// matching these; they live apart from the schema so the form's client JS does not pull in zod.
export const EMAIL_TOO_LONG = "That email address is too long";
export const EMAIL_INVALID = "Enter the email address you bought with, like you@example.com";
