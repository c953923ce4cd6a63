import "server-only";
import { problemPage, type ProblemLink } from "@/lib/http/problem-page";
import { requestLocale } from "@/lib/i18n/request";
import { storeBrand } from "./settings";

/**
 * A store route handler's problem page in the store's branding and the request's language (the
 * caller words `message`, `title` and the links in it too: problemLocale()). lib/http/problem-page.ts
 * stays brand-free: the proxy and the route wrapper answer before (or without) the database.
 */
export async function storeProblemPage(status: number, message: string, link: ProblemLink, more: { title?: string; links?: ProblemLink[] } = {}): Promise<Response> {
  const [brand, locale] = await Promise.all([storeBrand(), requestLocale()]);
  return problemPage(status, message, link, { ...more, brand, locale });
}
