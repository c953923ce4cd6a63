// Which image URLs customer pages may show. The Content-Security-Policy's img-src allows the app
// itself plus IMAGE_ORIGINS (lib/http/security-headers.ts), and every image URL Encore renders — the
// store's logo, an offer's picture, Dodo's product image — passes this check first: an image the
// CSP would block is left out rather than shown broken, and the console refuses to save one.
// Images cannot run script, but an open img-src would let any pasted URL track customers' visits;
// a list the operator sets keeps that to the hosts they chose.

export type ImageOrigins = { appUrl: string; imageOrigins: readonly string[] };

export function allowedImageOrigins(env: ImageOrigins): string[] {
  return [new URL(env.appUrl).origin, ...env.imageOrigins.map((o) => new URL(o).origin)];
}

/** An absolute http(s) URL on an allowed origin (https unless the origin itself is plain http). */
export function isAllowedImageUrl(url: string | null | undefined, env: ImageOrigins): url is string {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  if (parsed.username || parsed.password) return false;
  return allowedImageOrigins(env).includes(parsed.origin);
}

/** The URL when it may be shown, else null. */
export function shownImage(url: string | null | undefined, env: ImageOrigins): string | null {
  return isAllowedImageUrl(url, env) ? url : null;
}
