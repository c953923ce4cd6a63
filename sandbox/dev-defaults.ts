/**
 * Documented dev defaults for `npm run sandbox` / `npm run dev` when SANDBOX_API_KEY and
 * SANDBOX_WEBHOOK_SECRET are unset. They only unlock a local sandbox, so they are not secrets.
 */
export const DEV_API_KEY = "sk_sandbox_dev_key";
export const DEV_WEBHOOK_SECRET = "whsec_ZW5jb3JlLXNhbmRib3gtZGV2LXdlYmhvb2sta2V5LTMyYg==";
export const DEFAULT_SANDBOX_PORT = 8787;
