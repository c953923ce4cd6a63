import { z } from "zod";
import { embedOffer, embedStore } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

/** The customer's current in-app offer (recorded as shown), or null, with the store's branding. POST is the script's preflight-free form. */
const read = embedRoute("embed offer", z.object({}), async ({ customer }) => {
  const [offer, store] = await Promise.all([embedOffer(customer), embedStore()]);
  return embedJson({ offer, store });
});
export const GET = read;
export const POST = read;
export const OPTIONS = embedPreflight;
