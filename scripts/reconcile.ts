// `npm run reconcile -- [--days N]`: re-syncs payments and subscriptions changed in the last N days
// (default 3) from Dodo, converging exactly as webhooks do. Run it after an outage or on a schedule.
// Dodo and database settings come from the environment (or .env); with neither, the development
// defaults of `npm run dev` (embedded PostgreSQL, local sandbox) are used.
import { runWithAppEnvironment } from "./lib/cli-env";

const daysFlag = process.argv.indexOf("--days");
const days = daysFlag >= 0 ? Number(process.argv[daysFlag + 1]) : 3;
if (!(days > 0)) {
  console.error("usage: npm run reconcile -- [--days N]");
  process.exit(2);
}

await runWithAppEnvironment(async () => {
  const { reconcileRecent } = await import("@/lib/reconcile/recent");
  const report = await reconcileRecent({ days, log: (line) => console.log(line) });
  return report.failures.length > 0 ? 1 : 0;
});
