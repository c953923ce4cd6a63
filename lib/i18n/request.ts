// next-intl's per-request configuration (wired in next.config.ts). No locale in the URL: the
// language comes from the customer's switch (a cookie) or their browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, resolveLocale, SURFACE_HEADER, type Locale } from "./locales";
import { MESSAGES } from "./messages";
import { TIME_ZONE } from "./time-zone";

/** The language of the current request (server components, actions, route handlers). */
export async function requestLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  // The merchant console is not translated yet: it says so with lang="en" whatever the customer side chose.
  if (head.get(SURFACE_HEADER) === "console") return DEFAULT_LOCALE;
  return resolveLocale({ cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
}

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit === "en" || explicit === "pt-BR" ? explicit : await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
