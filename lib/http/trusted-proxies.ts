// TRUSTED_PROXIES, the operator's statement of which proxies sit in front of the app (README,
// "Behind a proxy"). Unset: none — the client is whoever opened the connection. A number: that
// many proxies, each appending the address it saw to X-Forwarded-For. Otherwise a list of
// addresses or CIDR ranges of the proxies (or proxy-addr's names: loopback, linklocal, uniquelocal).
import proxyaddr from "proxy-addr";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; count: number } | { kind: "addresses"; list: string[] };

export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const text = (raw ?? "").trim();
  if (text === "" || text === "0" || text.toLowerCase() === "none") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", count: Number(text) };
  const list = text.split(/[\s,]+/).filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (err) {
    throw new Error(`must be a number of proxies or a list of IP addresses/CIDR ranges (${err instanceof Error ? err.message : String(err)})`);
  }
  return { kind: "addresses", list };
}
