import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./prisma/migrate-adapter";

// Prisma's CLI runs Migrate through its bundled WebAssembly schema engine over a driver adapter,
// so nothing is downloaded. Our scripts always provide DATABASE_URL (embedded or external).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run prisma through `npm run db:*` or set it.");
    return migrationAdapter(url);
  },
});
