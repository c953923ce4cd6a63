// `npm run db:deploy`: applies every pending migration (Encore's Prisma migrations and the job
// queue's schema) to DATABASE_URL. Production runs this before starting app instances and workers.
import { migrateDeploy } from "./lib/database";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run db:deploy sets it to the development database).");
  process.exit(2);
}
await migrateDeploy(url);
console.log("[encore] migrations applied");
