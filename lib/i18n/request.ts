// next-intl's per-request configuration (wired in next.config.ts). No locale in the URL: the
// language comes from the switch (a cookie, the same for the store and the merchant console) or
// the browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import type { Locale } from "./locales";
import { localeOfRequest } from "./negotiate";
import { MESSAGES } from "./messages";
import { TIME_ZONE } from "./time-zone";

/** The language of the current request (server components, actions, route handlers). */
export async function requestLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return localeOfRequest({ cookies: jar, headers: head });
}

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit === "en" || explicit === "pt-BR" ? explicit : await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
