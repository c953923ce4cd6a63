import type { z } from "zod";
import { ApiError } from "./errors";

/** Validates a request body against a zod schema; failures answer 422 like Dodo's validation errors. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new ApiError(422, "INVALID_REQUEST_BODY", `${where}${issue?.message ?? "invalid body"}`);
}

export interface PageQuery {
  page_number: number;
  page_size: number;
}

/** Dodo lists are zero-based: `page_number` defaults to 0, `page_size` to 10 (max 100). */
export function pageQuery(query: URLSearchParams): PageQuery {
  const page_number = intParam(query, "page_number", 0);
  const page_size = intParam(query, "page_size", 10);
  if (page_number < 0) throw new ApiError(422, "INVALID_REQUEST_PARAMETERS", "page_number must be >= 0");
  if (page_size < 1 || page_size > 100) {
    throw new ApiError(422, "INVALID_REQUEST_PARAMETERS", "page_size must be between 1 and 100");
  }
  return { page_number, page_size };
}

/** Past the last page the answer is an empty `items` array: the SDK's auto-pagination stops only on that. */
export function paginate<T>(items: T[], page: PageQuery): { items: T[] } {
  const start = page.page_number * page.page_size;
  return { items: items.slice(start, start + page.page_size) };
}

function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new ApiError(422, "INVALID_REQUEST_PARAMETERS", `${name} must be an integer`);
  return value;
}

export function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  return raw === "true";
}

/** Applies `created_at_gte` / `created_at_lte` filters shared by every list endpoint. */
export function createdWithin(query: URLSearchParams, createdAt: string): boolean {
  const gte = query.get("created_at_gte");
  const lte = query.get("created_at_lte");
  const at = Date.parse(createdAt);
  if (gte && at < Date.parse(gte)) return false;
  if (lte && at > Date.parse(lte)) return false;
  return true;
}

/** Lists are newest first. */
export function newestFirst<T extends { seq: number }>(records: Iterable<T>): T[] {
  return [...records].sort((a, b) => b.seq - a.seq);
}
