// Runs once when a server instance starts: a missing or malformed setting stops start-up with a
// message that names it, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("./lib/env");
  loadEnv();
}
