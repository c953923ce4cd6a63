import "server-only";
import { listWebhookEvents, replayWebhookEvent } from "@/lib/webhooks/log";
import { fail, ok, type Result } from "./result";

/** Failed events first (they need attention), then the newest events of any outcome. */
export async function eventLog(cursor?: string) {
  const [failed, all] = await Promise.all([listWebhookEvents({ outcome: "FAILED", limit: 50 }), listWebhookEvents({ limit: 50, cursor })]);
  return { failed: failed.items, events: all.items.filter((e) => e.outcome !== "FAILED"), nextCursor: all.nextCursor };
}

export async function replayEvent(id: string): Promise<Result<string>> {
  if (!id) return fail("invalid_input", "Choose an event to replay.");
  const result = await replayWebhookEvent(id);
  if (result.outcome === "FAILED") return fail("replay_failed", `Replay failed again: ${result.error}`);
  return ok(result.outcome === "IGNORED" ? "Replayed: nothing to apply for this event type." : "Replayed and applied.");
}
