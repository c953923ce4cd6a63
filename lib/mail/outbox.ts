import "server-only";
import type { Tx } from "@/lib/db/tx";
import { enqueue } from "@/lib/jobs/queue";

// Email is queued, never sent inline: the OutboundEmail row and its mail.send job are written in
// the caller's transaction (the one that records why the email is sent), and a worker delivers it.

export type EmailKind = "sign_in_link" | "offer_charged";

/**
 * Queues one email per `key` (the fact it is about: a sign-in request, a charge). A second call
 * with the same key queues nothing, so re-running the caller never sends a second email.
 */
export async function queueEmail(tx: Tx, email: { key: string; kind: EmailKind; to: string; data: Record<string, string | number | null> }): Promise<boolean> {
  // One statement: the row comes back only when this call inserted it (ON CONFLICT DO NOTHING).
  const [row] = await tx.outboundEmail.createManyAndReturn({ data: [email], skipDuplicates: true, select: { id: true } });
  if (!row) return false;
  await enqueue(tx, "mail.send", { emailId: row.id }, { jobKey: `mail:${email.key}`, maxAttempts: 10 });
  return true;
}
