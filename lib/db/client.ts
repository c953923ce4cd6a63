import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import { onShutdown } from "@/lib/ops/lifecycle";

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { encorePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: loadEnv().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.encorePrisma ?? createClient();
globalForPrisma.encorePrisma = db;
// A graceful stop closes the pool after the last request finished (scripts/server.ts).
onShutdown("database pool", () => db.$disconnect());

export type Db = PrismaClient;
export { Prisma } from "@/lib/generated/prisma/client";
