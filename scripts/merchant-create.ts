// `npm run merchant:create -- <email> [--reset]`: creates a merchant user and prints a generated
// one-time password (shown once; only its scrypt hash is stored). --reset issues a new password
// for an existing user. Needs only DATABASE_URL (scripts/with-db.ts provides the dev database).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { createMerchantUser } from "../lib/auth/merchant-users";

const args = process.argv.slice(2).filter((a) => a !== "--");
const reset = args.includes("--reset");
const email = args.find((a) => !a.startsWith("--"));
if (!email) {
  console.error("usage: npm run merchant:create -- <email> [--reset]");
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (run through `npm run merchant:create`, which provides the development database).");
  process.exit(2);
}

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
let code = 0;
try {
  const result = await createMerchantUser(email, { reset }, prisma);
  if (result.created) {
    console.log(`\nMerchant user ${result.email} ${reset ? "has a new password" : "created"}.\n`);
    console.log(`  One-time password: ${result.password}\n`);
    console.log("Sign in at /merchant/sign-in. This password is not shown again; run with --reset to issue a new one.");
  } else {
    console.error(`${result.email} already exists. Run with --reset to issue a new password.`);
    code = 1;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await prisma.$disconnect();
}
process.exit(code);
