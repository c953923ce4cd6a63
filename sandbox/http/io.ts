import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";
import type { Reply } from "./router";

const MAX_BODY_BYTES = 1_000_000;

/** Reads a JSON or form-encoded body; an empty body is `undefined`. */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "PAYLOAD_TOO_LARGE", "Request body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.length === 0) return undefined;
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "INVALID_REQUEST_BODY", "Request body is not valid JSON");
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case "json": {
      const body = JSON.stringify(reply.body);
      res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    case "empty":
      res.writeHead(reply.status);
      res.end();
      return;
    case "html":
      // Payment pages are never served from the browser's cache: "back" after paying shows the
      // session as it is now (complete), not the form as it was (UNCONFIRMED: Dodo's headers).
      res.writeHead(reply.status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(reply.html);
      return;
    case "redirect":
      res.writeHead(303, { location: reply.location });
      res.end();
      return;
  }
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, { kind: "json", status, body: { code, message } });
}
