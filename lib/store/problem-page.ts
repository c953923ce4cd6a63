import "server-only";
import { problemPage, type ProblemLink } from "@/lib/http/problem-page";
import { storeBrand } from "./settings";

/**
 * A store route handler's problem page in the store's branding. lib/http/problem-page.ts stays
 * brand-free: the proxy and the route wrapper answer before (or without) the database.
 */
export async function storeProblemPage(status: number, message: string, link: ProblemLink, more: { title?: string; links?: ProblemLink[] } = {}): Promise<Response> {
  return problemPage(status, message, link, { ...more, brand: await storeBrand() });
}
