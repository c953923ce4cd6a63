// The emails Encore sends customers, as text and HTML. Pure: every value is escaped for the HTML part.
import { escapeHtml as escape } from "@/lib/http/escape-html";

export type RenderedEmail = { subject: string; text: string; html: string };

function html(paragraphs: string[], action: { href: string; label: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("");
  return `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:32rem">${body}`
    + `<p><a href="${escape(action.href)}" style="display:inline-block;background:#6d28d9;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escape(action.label)}</a></p>`
    + `<p style="color:#475569;font-size:13px">${escape(footer)}</p></body></html>`;
}

export function signInLinkEmail(input: { storeName: string; link: string; minutes: number }): RenderedEmail {
  const lines = [`Here is your sign-in link for ${input.storeName}. It works once, for the next ${input.minutes} minutes.`];
  const footer = "If you did not ask for this, ignore this email: nobody can sign in without the link.";
  return {
    subject: `Your sign-in link for ${input.storeName}`,
    text: `${lines.join("\n\n")}\n\nSign in: ${input.link}\n\n${footer}\n`,
    html: html(lines, { href: input.link, label: "Sign in" }, footer),
  };
}

export function offerChargedEmail(input: { storeName: string; productName: string; amount: string; card: string | null; accountUrl: string }): RenderedEmail {
  const paid = input.card ? `We charged ${input.amount} to your ${input.card}.` : `We charged ${input.amount}.`;
  const lines = [
    `${input.productName} has been added to your order. ${paid}`,
    `You can reach it from your account at any time: sign in with this email address and it is listed under "Your products".`,
  ];
  const footer = `This is your receipt for a one-click purchase at ${input.storeName}.`;
  return {
    subject: `Added to your order: ${input.productName}`,
    text: `${lines.join("\n\n")}\n\nYour account: ${input.accountUrl}\n\n${footer}\n`,
    html: html(lines, { href: input.accountUrl, label: "Go to your account" }, footer),
  };
}
