// `npm run events -- [list [--limit N] | failed [--limit N] | replay <webhook-id>]`: the merchant's
// webhook event log from the command line (the console shows it at /merchant/events).
// Settings: the app environment, else the local dev setup (scripts/lib/cli-env.ts).
import { runWithAppEnvironment } from "./lib/cli-env";

const [command = "list", ...rest] = process.argv.slice(2);
const limitFlag = rest.indexOf("--limit");
const limit = limitFlag >= 0 ? Number(rest[limitFlag + 1]) : 50;
if (!["list", "failed", "replay"].includes(command) || (command === "replay" && !rest[0]) || !(limit > 0)) {
  console.error("usage: npm run events -- [list [--limit N] | failed [--limit N] | replay <webhook-id>]");
  process.exit(2);
}

await runWithAppEnvironment(async () => {
  const { listWebhookEvents, NEEDS_ATTENTION, replayWebhookEvent } = await import("@/lib/webhooks/log");
  if (command === "replay") {
    const result = await replayWebhookEvent(rest[0]!);
    console.log(result.outcome === "FAILED" || result.outcome === "REJECTED" ? `${result.outcome}: ${result.error}` : result.outcome);
    return result.outcome === "FAILED" || result.outcome === "REJECTED" ? 1 : 0;
  }
  // "failed" lists what needs attention: FAILED (Dodo retries) and REJECTED (unusable, acknowledged).
  const { items } = await listWebhookEvents({ outcome: command === "failed" ? NEEDS_ATTENTION : undefined, limit });
  if (items.length === 0) console.log(command === "failed" ? "no failed or rejected events" : "no events");
  for (const e of items) {
    const when = e.receivedAt.toISOString().replace("T", " ").slice(0, 19);
    const tail = NEEDS_ATTENTION.includes(e.outcome) ? `  attempts=${e.attempts}  ${e.error ?? ""}` : "";
    console.log(`${when}  ${e.outcome.padEnd(9)}  ${e.type.padEnd(28)}  ${e.id}${tail}`);
  }
  return 0;
});
