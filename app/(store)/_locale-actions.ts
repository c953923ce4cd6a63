"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/define";
import { rememberCustomerLocale } from "@/lib/i18n/customer-locale";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, LOCALES } from "@/lib/i18n/locales";
import { currentCustomer } from "@/lib/auth/customer-session";

/**
 * The language switch: remembered in a cookie for a year (it then wins over Accept-Language) and,
 * for a signed-in customer, on their record so emails speak the same language. Setting a cookie
 * in an action re-renders the page the customer is on, now in that language.
 */
export const setLocaleAction = publicAction(z.object({ locale: z.enum(LOCALES) }), {
  name: "set locale",
  onFailure: () => undefined,
  run: async ({ locale }) => {
    const jar = await cookies();
    jar.set(LOCALE_COOKIE, locale, { maxAge: LOCALE_COOKIE_MAX_AGE_S, sameSite: "lax", path: "/", httpOnly: false });
    const customer = await currentCustomer();
    if (customer) await rememberCustomerLocale(customer.id, locale);
  },
});
