// `npm run customer-link -- <email>`: prints a signed, 15-minute sign-in link to /account for the
// newest customer with that email. Uses the app's env when set; otherwise the local dev setup
// (`.data/`): the running dev database if `npm run dev` is up, else the embedded one, started briefly.
import fs from "node:fs";
import path from "node:path";
import { DEV_DATA_DIR, provideDatabase } from "./lib/database";
import { loadOrCreateSecrets } from "./lib/secrets";

const email = process.argv.slice(2).find((a) => a !== "--");
if (!email || !email.includes("@")) {
  console.error("usage: npm run customer-link -- <email>");
  process.exit(2);
}

/** The dev server's embedded PostgreSQL, if it is running (its port is in postmaster.pid). */
function runningDevDatabase(): string | null {
  const pidFile = path.join(DEV_DATA_DIR, "postgres", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return `postgresql://encore:encore@127.0.0.1:${port}/encore`;
}

let stopDatabase = async () => {};
if (!process.env.DATABASE_URL) {
  const running = runningDevDatabase();
  if (running) process.env.DATABASE_URL = running;
  else {
    const db = await provideDatabase({ dataDir: path.join(DEV_DATA_DIR, "postgres"), persistent: true });
    process.env.DATABASE_URL = db.url;
    stopDatabase = db.stop;
  }
}
if (!process.env.SESSION_SECRET) {
  const secrets = loadOrCreateSecrets(DEV_DATA_DIR);
  process.env.SESSION_SECRET = secrets.sessionSecret;
  process.env.DODO_PAYMENTS_API_KEY ??= secrets.apiKey;
  process.env.DODO_PAYMENTS_WEBHOOK_KEY ??= secrets.webhookSecret;
}
process.env.APP_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
if (!process.env.DODO_PAYMENTS_ENVIRONMENT) process.env.DODO_PAYMENTS_BASE_URL ??= `http://localhost:${process.env.SANDBOX_PORT ?? 8787}`;

// Imported only now: the env module reads process.env once.
const { mintMagicLink } = await import("@/lib/auth/customer-session");
const { customerByEmail } = await import("@/lib/checkout/customers");
const { db } = await import("@/lib/db");

let code = 0;
try {
  const customer = await customerByEmail(email);
  if (customer) console.log(mintMagicLink(customer.id));
  else {
    console.error(`No customer with email ${email}. Customers appear after their first purchase.`);
    code = 1;
  }
} finally {
  await db.$disconnect();
  await stopDatabase();
}
process.exit(code);
