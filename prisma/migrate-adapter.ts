// Driver adapter used only by the Prisma CLI (prisma.config.ts), so that `prisma migrate
// dev/deploy/status` run offline through the JS schema engine. It fixes five gaps of
// @prisma/adapter-pg 6.19.3 (and its schema engine) in that mode; the app's runtime client uses
// PrismaPg unchanged.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

// Gap 1: introspection reads catalog columns of types `name` (19), `"char"` (18) and their arrays,
// which the adapter cannot map. They are plain text to Migrate.
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const OID_REMAP: Record<number, number> = { 18: TEXT_OID, 19: TEXT_OID, 1002: TEXT_ARRAY_OID, 1003: TEXT_ARRAY_OID };

type ResultLike = { fields?: { dataTypeID: number }[] };

function remapFieldTypes<T>(result: T): T {
  const results = (Array.isArray(result) ? result : [result]) as ResultLike[];
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      field.dataTypeID = OID_REMAP[field.dataTypeID] ?? field.dataTypeID;
    }
  }
  return result;
}

// Gap 4: PostgreSQL 18 lists NOT NULL constraints in pg_constraint (contype 'n'); Prisma 6's
// introspection only expects check constraints there and panics ("RuntimeError: unreachable")
// as soon as a replayed migration has a NOT NULL column. NOT NULL is read from the columns anyway.
const CONSTRAINT_FILTER = "AND contype NOT IN ('p', 'u', 'f')";

function withoutNotNullConstraints(query: unknown): unknown {
  if (typeof query === "string") return query.replace(CONSTRAINT_FILTER, "AND contype NOT IN ('p', 'u', 'f', 'n')");
  if (query && typeof query === "object" && typeof (query as { text?: unknown }).text === "string") {
    const config = query as { text: string };
    return { ...config, text: withoutNotNullConstraints(config.text) };
  }
  return query;
}

function patchClientQuery(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    args[0] = withoutNotNullConstraints(args[0]);
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : remapFieldTypes(res));
      return original(...args);
    }
    const out = original(...args);
    return out instanceof Promise ? out.then(remapFieldTypes) : out;
  };
}

// Gap 2: the adapter builds the shadow database's pool by spreading `database` over a config whose
// connectionString wins, so it would migrate the main database. Separate fields avoid that.
function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    // Gap 3: without this the CLI waits for the pool's idle timer before it exits.
    allowExitOnIdle: true,
  };
}

function adapterFor(config: pg.PoolConfig): PrismaPg {
  const pool = new pg.Pool(config);
  pool.on("connect", patchClientQuery);
  return new PrismaPg(pool, { disposeExternalPool: true });
}

type ScriptRunner = { executeScript(script: string): Promise<void>; underlyingDriver(): unknown };

// Gap 5: the adapter runs a migration script by splitting it at every ";", which breaks function
// bodies and string literals. PostgreSQL runs a multi-statement script in one simple query (as one
// implicit transaction), so the script is sent whole.
function runScriptsWhole<T extends ScriptRunner>(adapter: T): T {
  adapter.executeScript = async (script: string) => {
    try {
      await (adapter.underlyingDriver() as pg.Pool).query(script);
    } catch (err) {
      (adapter as unknown as { onError(e: unknown): never }).onError(err);
    }
  };
  return adapter;
}

export function migrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const main = poolConfig(url);
  const factory = adapterFor(main);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => runScriptsWhole(await factory.connect()),
    async connectToShadowDb() {
      const shadowName = `prisma_shadow_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client(main);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${shadowName}"`);
      } finally {
        await admin.end();
      }
      const adapter = runScriptsWhole(await adapterFor(poolConfig(url, shadowName)).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(main);
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      };
      return adapter;
    },
  };
}
