// Forces an interleaving of concurrent database work, so a race test fails every time the guard
// it checks (a lock) is missing, instead of once in a while. A separate connection opens a
// transaction that holds a row the code under test must wait for; the test starts the other
// operation while the first one is parked there, waits until that one is parked too (or done),
// then lets go. Waiting is read from Postgres itself (pg_blocking_pids), never from a sleep.
import pg from "pg";
import { inject } from "vitest";

export type Blocker = { pid: number; release: () => Promise<void> };

/** Opens a transaction on its own connection, runs `sql` in it and keeps it open until released. */
export async function holdInTransaction(sql: string, params: unknown[]): Promise<Blocker> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  await client.query("BEGIN");
  await client.query(sql, params);
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  return {
    pid: rows[0]!.pid,
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

/** How many backends wait on `pid`, directly or behind another backend that waits on it. */
export async function waitingBehind(pid: number): Promise<number> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `WITH RECURSIVE waiting(pid) AS (
         SELECT a.pid FROM pg_stat_activity a WHERE $1 = ANY(pg_blocking_pids(a.pid))
         UNION
         SELECT a.pid FROM pg_stat_activity a JOIN waiting w ON w.pid = ANY(pg_blocking_pids(a.pid))
       ) SELECT count(*)::int AS n FROM waiting`,
      [pid],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** A promise's state, readable without awaiting it. */
export function track<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  void promise.then(() => (done = true), () => (done = true));
  return { promise, settled: () => done };
}
