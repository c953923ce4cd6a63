import { z } from "zod";
import { embedOffer, embedStore, embedStrings } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

/**
 * The customer's current in-app offer (recorded as shown), or null, with the store's branding and
 * the prompt's words, all in the customer's language. POST is the script's preflight-free form.
 */
const read = embedRoute("embed offer", z.object({}), async ({ customer, locale }) => {
  const [offer, store] = await Promise.all([embedOffer(customer, locale), embedStore()]);
  return embedJson({ offer, store, locale, strings: embedStrings(locale) });
});
export const GET = read;
export const POST = read;
export const OPTIONS = embedPreflight;
