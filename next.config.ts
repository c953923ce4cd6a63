import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/action-request";

const nextConfig: NextConfig = {
  // Playwright drives `next dev` on 127.0.0.1 in tests.
  allowedDevOrigins: ["127.0.0.1"],
  // Separate build dirs let tests build while a dev server runs (set only by our scripts).
  distDir: process.env.ENCORE_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm run bench` builds with ENCORE_BENCH_PAGES=1: its reference pages (app/bench/*/page.bench.tsx)
  // are then routes of the same build as the pages they measure. Other builds leave them out.
  pageExtensions: process.env.ENCORE_BENCH_PAGES === "1" ? ["tsx", "ts", "jsx", "js", "bench.tsx"] : ["tsx", "ts", "jsx", "js"],
  // `npm test` type-checks the whole tree as its own step; its e2e build skips repeating it.
  typescript: { ignoreBuildErrors: process.env.ENCORE_SKIP_BUILD_TYPECHECK === "1" },
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  experimental: {
    // The proxy (lib/http/edge.ts) refuses larger action bodies with 413 before Next's own check
    // would answer 500; it buffers at most one byte past the limit to tell.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: ACTION_BODY_LIMIT_BYTES + 1,
  },
};

// next-intl reads its per-request configuration (locale from cookie or Accept-Language) from here.
// `precompile`: the catalogues (messages/*.json) are compiled to icu-minify's form at build time,
// so pages format them with its small runtime instead of shipping an ICU parser to the browser
// (the thank-you page's JS budget, bench/journey.ts). Outside a Next build (the worker, scripts,
// unit tests) the same JSON is read raw and formatted by use-intl's full parser: same output.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
