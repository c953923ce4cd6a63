import { embedOffer } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

/** The customer's current in-app offer (recorded as shown), or null. */
export const GET = embedRoute("embed offer", null, async ({ customer }) => embedJson({ offer: await embedOffer(customer) }));
export const OPTIONS = embedPreflight;
