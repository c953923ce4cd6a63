// Proves the committed migrations build the schema from nothing with Prisma Migrate itself
// (offline, through the JS schema engine) and that Migrate then considers the database current.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");

async function freshDatabase(): Promise<string> {
  const base = new URL(inject("databaseUrl"));
  const name = `encore_migrate_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  return base.toString();
}

describe("prisma migrations", () => {
  it("apply every migration to an empty database, after which migrate status is up to date", async () => {
    const url = await freshDatabase();
    const env = { ...process.env, DATABASE_URL: url };
    const migrations = fs.readdirSync(path.join(root, "prisma", "migrations")).filter((d) => /^\d+_/.test(d));
    expect(migrations.length).toBeGreaterThan(0);

    // An empty database is not up to date: `migrate status` says so and exits non-zero. (A success
    // has no `code`, so it is read as 0 here and fails this check.)
    const before = await exec(prisma, ["migrate", "status"], { cwd: root, env }).then(
      (ok) => ({ ...ok, code: 0 }),
      (e: { stdout: string; code: number }) => e,
    );
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("have not yet been applied");

    await exec(prisma, ["migrate", "deploy"], { cwd: root, env });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const applied = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name");
    const tables = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'WebhookEvent'");
    await client.end();
    expect(applied.rows.map((r) => r.migration_name)).toEqual([...migrations].sort());
    expect(tables.rows[0].n).toBe(1);

    const status = await exec(prisma, ["migrate", "status"], { cwd: root, env });
    expect(status.stdout).toContain("Database schema is up to date");
  }, 120_000);

  it("match schema.prisma exactly (a schema change without its migration fails here)", async () => {
    // Replays every migration into a shadow database and diffs it with the schema, the same
    // introspection `prisma migrate dev` does, so this also guards the adapter fixes it needs.
    const env = { ...process.env, DATABASE_URL: await freshDatabase() };
    const args = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"];
    const diff = await exec(prisma, args, { cwd: root, env }).catch((e: { stdout: string; stderr: string }) => e);
    expect(diff.stdout).toContain("No difference detected");
  }, 120_000);
});
