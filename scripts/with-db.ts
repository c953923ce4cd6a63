// `tsx scripts/with-db.ts -- <command…>`: runs a command (e.g. `prisma migrate dev`) with
// DATABASE_URL pointing at the configured or the embedded development database.
import path from "node:path";
import { DEV_DATA_DIR, provideDatabase, run } from "./lib/database";

const separator = process.argv.indexOf("--");
const [command, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : [];
if (!command) {
  console.error("usage: tsx scripts/with-db.ts -- <command> [args…]");
  process.exit(2);
}
const db = await provideDatabase({ dataDir: path.join(DEV_DATA_DIR, "postgres"), persistent: true });
let code = 0;
try {
  await run(command, args, { DATABASE_URL: db.url });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await db.stop();
}
process.exit(code);
