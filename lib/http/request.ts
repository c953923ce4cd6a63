import "server-only";
import { headers } from "next/headers";
import { loadEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { PEER_HEADER, peerHeaderIsOurs, resolveClientIp } from "./client-ip";

let warned = false;

/** The client's address for rate limits (lib/http/client-ip.ts says how it is found). */
export async function clientIp(): Promise<string> {
  return clientIpOf(await headers());
}

/** The same, from a request's own headers (route handlers that have the Request). */
export function clientIpOf(h: Headers): string {
  const trusted = loadEnv().TRUSTED_PROXIES;
  const peer = peerHeaderIsOurs() ? h.get(PEER_HEADER) : null;
  if (!peer && trusted.kind === "none" && !warned) {
    warned = true;
    logger("http").warn("client addresses are unknown: start the app with `npm start` or set TRUSTED_PROXIES; per-IP limits now share one bucket");
  }
  return resolveClientIp({ peer, forwardedFor: h.get("x-forwarded-for") }, trusted);
}
