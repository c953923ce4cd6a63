// Reference for `npm run bench` (bench/journey.ts): an empty App Router page, whose script tags
// are the framework's own floor for client JS. Built only with ENCORE_BENCH_PAGES=1
// (next.config.ts), so no shipped build has it.
export default function EmptyBenchPage() {
  return null;
}
