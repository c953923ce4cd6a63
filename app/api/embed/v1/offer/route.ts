import { z } from "zod";
import { embedOffer } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

/** The customer's current in-app offer (recorded as shown), or null. POST is the script's preflight-free form. */
const read = embedRoute("embed offer", z.object({}), async ({ customer }) => embedJson({ offer: await embedOffer(customer) }));
export const GET = read;
export const POST = read;
export const OPTIONS = embedPreflight;
