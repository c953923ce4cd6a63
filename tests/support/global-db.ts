// Vitest global setup: one real PostgreSQL for the whole unit run, migrated with Prisma Migrate.
// Uses TEST_DATABASE_URL's server when given, else a throwaway embedded cluster. Each run gets a
// fresh database, so tests never see another run's rows; tests seed their own data.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let tmp: string | undefined;
  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "encore-unit-"));
    const server = await startEmbeddedPostgres(path.join(tmp, "pg"), { persistent: false });
    adminUrl = server.url("postgres");
    stop = server.stop;
  }
  const database = `encore_unit_${process.pid}_${Date.now()}`;
  await ensureDatabase(adminUrl, database);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await migrateDeploy(url.toString());
  project.provide("databaseUrl", url.toString());
  return async () => {
    await stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}
