import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { loadEnv } from "@/lib/env";

// The one way Encore sends email: nodemailer over SMTP_URL (the merchant's provider in production,
// the local mailbox in development and tests). Only background jobs call it (lib/mail/jobs.ts).

export type Email = { to: string; subject: string; text: string; html: string; messageId: string };

let transporter: Transporter | undefined;

function from(): string {
  const env = loadEnv();
  return env.MAIL_FROM ?? `Encore <no-reply@${new URL(env.APP_URL).hostname}>`;
}

export async function sendEmail(email: Email): Promise<void> {
  const url = loadEnv().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: cannot send email");
  transporter ??= nodemailer.createTransport(url);
  await transporter.sendMail({ from: from(), to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId });
}
