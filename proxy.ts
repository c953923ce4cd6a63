// Next runs this before routing every request (Next 16's "proxy", formerly middleware; always
// the Node.js runtime). All of its work lives in lib/http/edge.ts.
import type { NextRequest } from "next/server";
import { handleEdge } from "@/lib/http/edge";

export function proxy(request: NextRequest): Promise<Response> {
  return handleEdge(request);
}
