// Runs in every test worker before the tests: the app's env module needs a complete, valid env.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DODO_PAYMENTS_API_KEY ??= "sk_test_unit";
process.env.DODO_PAYMENTS_BASE_URL ??= "http://127.0.0.1:1";
process.env.DODO_PAYMENTS_WEBHOOK_KEY ??= "whsec_dW5pdC10ZXN0LXdlYmhvb2stc2VjcmV0LTMyYnl0ZXM=";
process.env.APP_URL ??= "http://127.0.0.1:3000";
process.env.SESSION_SECRET ??= "unit-test-session-secret-0123456789abcdef";
process.env.LOG_LEVEL ??= "warn";

// Log lines would drown the test output; tests that check them capture them (redirectLogs).
const { redirectLogs } = await import("@/lib/log");
redirectLogs(() => {});
