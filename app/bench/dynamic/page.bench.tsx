import { cookies } from "next/headers";

// Reference for `npm run bench` (bench/journey.ts): the cheapest page rendered per request (it
// reads the request's cookies), so the thank-you page's render time is a ratio to this build's own
// floor. Built only with ENCORE_BENCH_PAGES=1 (next.config.ts), so no shipped build has it.
export default async function MinimalDynamicBenchPage() {
  const jar = await cookies();
  return <p>{jar.size} cookies</p>;
}
