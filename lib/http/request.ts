import "server-only";
import { headers } from "next/headers";

/** The client address as the load balancer reports it (first X-Forwarded-For hop), for rate limits. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}
