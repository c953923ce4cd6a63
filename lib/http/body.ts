// Reading a request body without ever buffering more than a limit, so an oversized or endless body
// costs at most `limit` bytes of memory.

/** The body's bytes, or null once it passes `limit` bytes. */
export async function readBytesCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The body as UTF-8 text (invalid bytes become U+FFFD), or null once it passes `limit` bytes. */
export async function readBodyCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  const bytes = await readBytesCapped(body, limit);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** True when the declared Content-Length already says the body is too large. */
export function declaredTooLarge(headers: Headers, limit: number): boolean {
  const declared = Number(headers.get("content-length") ?? 0);
  return Number.isFinite(declared) && declared > limit;
}
