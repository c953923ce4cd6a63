// The e2e stack's local mailbox (scripts/lib/mailbox.ts): what the app emailed, read through the
// inbox's JSON API, and the sign-in flow as a customer goes through it.
import { expect, type Page } from "@playwright/test";
import { env } from "./env";

export type Mail = { id: string; to: string[]; subject: string; text: string };

export async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${env("E2E_MAILBOX_URL")}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as Mail[];
}

/** Waits for the `count`-th email to this address (the background worker sends it) and returns the newest. */
export async function waitForMail(address: string, count = 1): Promise<Mail> {
  let mails: Mail[] = [];
  await expect.poll(async () => (mails = await mailsTo(address)).length, { timeout: 20_000, message: `email #${count} to ${address}` }).toBeGreaterThanOrEqual(count);
  return mails[0]!;
}

/** The first link in an email's text. */
export function linkIn(mail: Mail): string {
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no link in "${mail.subject}"`);
  return link;
}

/** Submits the page's "Email me a sign-in link" form and waits for its answer; returns the answer. */
export async function submitSignInLink(page: Page, email: string): Promise<string> {
  const form = page.getByTestId("sign-in-link");
  const attempt = Number(await form.getAttribute("data-attempt"));
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(form).toHaveAttribute("data-attempt", String(attempt + 1));
  return (await page.getByTestId("sign-in-link-message").textContent()) ?? "";
}

/** Asks for a sign-in link on the current page's form, expecting the usual answer. */
export async function askForSignInLink(page: Page, email: string): Promise<void> {
  expect(await submitSignInLink(page, email)).toContain("Check your inbox");
}
