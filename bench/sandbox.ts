// Sandbox throughput through the real SDK: saved-method lookups and one-click checkouts per second.
import DodoPayments from "dodopayments";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS } from "../sandbox/seed";
import { startSandbox } from "../sandbox/server";

const API_KEY = "sk_bench_sandbox";
const CONCURRENCY = 16;
const DURATION_MS = 3_000;

/** Runs `call` from CONCURRENCY workers for DURATION_MS; answers completed calls per second. */
async function measure(call: () => Promise<unknown>): Promise<{ perSecond: number; total: number }> {
  const deadline = Date.now() + DURATION_MS;
  const started = Date.now();
  let total = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        await call();
        total++;
      }
    }),
  );
  return { perSecond: Math.round((total * 1000) / (Date.now() - started)), total };
}

export async function run(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_YmVuY2gtc2FuZGJveC1zZWNyZXQ=", dataFile: null });
  const client = new DodoPayments({ bearerToken: API_KEY, baseURL: sandbox.url, maxRetries: 0 });
  try {
    // Warm-up: JIT, sockets and the SDK's lazy setup should not count.
    for (let i = 0; i < 50; i++) await client.customers.retrievePaymentMethods(SEED_CUSTOMERS.demo);

    const lookups = await measure(() => client.customers.retrievePaymentMethods(SEED_CUSTOMERS.demo));
    console.log(`retrievePaymentMethods: ${lookups.perSecond} req/s (${lookups.total} calls, concurrency ${CONCURRENCY})`);

    const oneClick = await measure(() =>
      client.checkoutSessions.create({
        product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }],
        customer: { customer_id: SEED_CUSTOMERS.demo },
        payment_method_id: SEED_PAYMENT_METHODS.demo_visa,
        confirm: true,
        minimal_address: true,
        billing_address: { country: "US", zipcode: "94107" },
      }),
    );
    console.log(`one-click checkoutSessions.create: ${oneClick.perSecond} req/s (${oneClick.total} calls, concurrency ${CONCURRENCY})`);
  } finally {
    await sandbox.close();
  }
}
