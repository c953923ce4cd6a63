// Which address a request came from, for per-IP limits. Next 16 gives routes and actions no
// socket address (NextRequest.ip is gone; Next copies the socket address into X-Forwarded-For only
// when the client sent none, so that header is the client's to forge). Our server
// (scripts/server.ts, behind `npm start` and `npm run dev`) therefore writes the connection's
// address into PEER_HEADER on every request, replacing whatever the client sent, and marks the
// process; the app believes that header only in a process so marked. X-Forwarded-For is read only
// as far as TRUSTED_PROXIES says proxies we trust wrote it.
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";
import type { TrustedProxies } from "./trusted-proxies";

export const PEER_HEADER = "x-encore-peer";

const SERVER_MARK = Symbol.for("encore.peer-header-server");
const marks = globalThis as unknown as { [SERVER_MARK]?: boolean };

/** Called by our server before it serves: from now on PEER_HEADER is the connection's address. */
export function markPeerHeaderServer(): void {
  marks[SERVER_MARK] = true;
}

export const peerHeaderIsOurs = (): boolean => marks[SERVER_MARK] === true;

export type AddressSource = { peer: string | null; forwardedFor: string | null };

/**
 * The client's address: the connection's peer unless trusted proxies stand in between, in which
 * case the nearest X-Forwarded-For entry they did not write. "unknown" when nothing says.
 */
export function resolveClientIp({ peer, forwardedFor }: AddressSource, trusted: TrustedProxies): string {
  if (trusted.kind === "none") return normalise(peer);
  // Without our server the peer is unknown; a hop count still says which entry proxies wrote.
  const request = { socket: { remoteAddress: peer ?? "0.0.0.0" }, headers: { "x-forwarded-for": forwardedFor ?? "" } };
  const trust = trusted.kind === "hops" ? (_addr: string, hop: number) => hop < trusted.count : proxyaddr.compile(trusted.list);
  const address = proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust);
  return address === "0.0.0.0" && !peer ? "unknown" : normalise(address);
}

function normalise(address: string | null | undefined): string {
  const text = address?.trim() ?? "";
  if (!isIP(text)) return "unknown";
  // IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d.
  return text.startsWith("::ffff:") && isIP(text.slice(7)) === 4 ? text.slice(7) : text;
}
