// The local mailbox of `npm run dev` and the end-to-end stack: a real SMTP server (smtp-server)
// that the app's mailer (nodemailer over SMTP_URL) delivers to, and an inbox page to read what
// was sent. Messages are parsed (mailparser) and kept as JSON files in `dir`, so the dev inbox
// survives restarts. Development only: production sends through the merchant's SMTP_URL.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

export type StoredMessage = { id: string; receivedAt: string; from: string; to: string[]; subject: string; text: string; html: string | null };

export type Mailbox = { smtpUrl: string; inboxUrl: string; close: () => Promise<void> };

import { escapeHtml as escape } from "../../lib/http/escape-html";

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  return (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(", ");
}

function readAll(dir: string): StoredMessage[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as StoredMessage)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)} · Encore dev mailbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:56rem;margin:0 auto;padding:1.5rem;color:#0f172a}table{width:100%;border-collapse:collapse}
td,th{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e2e8f0}a{color:#6d28d9}pre{white-space:pre-wrap;background:#f8fafc;padding:1rem;border-radius:8px}
.muted{color:#475569}</style></head><body><header><p><a href="/">Encore dev mailbox</a> <span class="muted">— every email the app sends in development lands here; nothing leaves this machine.</span></p></header><main>${body}</main></body></html>`;
}

/** Plain text with its URLs made clickable (the text is escaped first). */
function linkified(text: string): string {
  return escape(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

function inboxPage(messages: StoredMessage[]): string {
  const rows = messages
    .map((m) => `<tr><td>${escape(new Date(m.receivedAt).toISOString().replace("T", " ").slice(0, 19))}</td><td>${escape(m.to.join(", "))}</td><td><a href="/messages/${m.id}">${escape(m.subject || "(no subject)")}</a></td></tr>`)
    .join("");
  return page("Inbox", `<h1>Inbox</h1>${messages.length === 0 ? "<p>No mail yet.</p>" : `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`}`);
}

function messagePage(m: StoredMessage): string {
  return page(m.subject, `<h1>${escape(m.subject)}</h1><p class="muted">From ${escape(m.from)} to ${escape(m.to.join(", "))}, ${escape(m.receivedAt)}</p><pre>${linkified(m.text)}</pre><p><a href="/">← Inbox</a></p>`);
}

function answer(res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/**
 * Starts the SMTP server and the inbox. The inbox also answers JSON for tests:
 * GET /api/messages[?to=address] (newest first) and GET /api/messages/<id>.
 */
export async function startMailbox(opts: { dir: string; smtpPort: number; httpPort: number; host?: string }): Promise<Mailbox> {
  const host = opts.host ?? "127.0.0.1";
  fs.mkdirSync(opts.dir, { recursive: true });
  const smtp = new SMTPServer({
    // Local only: no TLS, no authentication.
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const id = `${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`;
          const message: StoredMessage = {
            id,
            receivedAt: new Date().toISOString(),
            from: addresses(parsed.from),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
          };
          fs.writeFileSync(path.join(opts.dir, `${id}.json`), JSON.stringify(message, null, 2));
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(opts.smtpPort, host, () => resolve());
  });

  const inbox = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://mailbox");
    const messages = readAll(opts.dir);
    if (url.pathname === "/api/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return answer(res, 200, "application/json", JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
    }
    const api = /^\/api\/messages\/([\w-]+)$/.exec(url.pathname);
    const view = /^\/messages\/([\w-]+)$/.exec(url.pathname);
    const found = messages.find((m) => m.id === (api ?? view)?.[1]);
    if (api) return found ? answer(res, 200, "application/json", JSON.stringify(found)) : answer(res, 404, "application/json", "null");
    if (view) return found ? answer(res, 200, "text/html; charset=utf-8", messagePage(found)) : answer(res, 404, "text/html; charset=utf-8", page("Not found", "<h1>No such message</h1>"));
    if (url.pathname === "/") return answer(res, 200, "text/html; charset=utf-8", inboxPage(messages));
    return answer(res, 404, "text/html; charset=utf-8", page("Not found", "<h1>Not found</h1>"));
  });
  await new Promise<void>((resolve, reject) => {
    inbox.once("error", reject);
    inbox.listen(opts.httpPort, host, () => resolve());
  });

  return {
    smtpUrl: `smtp://${host}:${opts.smtpPort}`,
    inboxUrl: `http://${host}:${opts.httpPort}`,
    close: async () => {
      await new Promise<void>((resolve) => inbox.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
