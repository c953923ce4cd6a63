// `npm run customer-link -- <email>`: prints a signed, 15-minute sign-in link to /account for the
// newest customer with that email. Uses the app's env when set; otherwise the local dev setup
// (`.data/`): the running dev database if `npm run dev` is up, else the embedded one, started briefly.
import { runWithAppEnvironment } from "./lib/cli-env";

const email = process.argv.slice(2).find((a) => a !== "--");
if (!email || !email.includes("@")) {
  console.error("usage: npm run customer-link -- <email>");
  process.exit(2);
}

await runWithAppEnvironment(async () => {
  // Imported only now: the env module reads process.env once.
  const { mintMagicLink } = await import("@/lib/auth/customer-session");
  const { customerByEmail } = await import("@/lib/checkout/customers");
  const { db } = await import("@/lib/db/client");
  try {
    const customer = await customerByEmail(email);
    if (customer) {
      console.log(mintMagicLink(customer.id));
      return 0;
    }
    console.error(`No customer with email ${email}. Customers appear after their first purchase.`);
    return 1;
  } finally {
    await db.$disconnect();
  }
});
