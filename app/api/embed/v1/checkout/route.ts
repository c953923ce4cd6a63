import { z } from "zod";
import { embedCheckout } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

/** The fallback when one click can't be used: Dodo's hosted checkout for the offer, at its price. */
export const POST = embedRoute("embed checkout", z.object({ impression_id: z.string().min(1).max(64) }), async ({ customer, body, locale }) =>
  embedJson(await embedCheckout(customer, body.impression_id, locale)),
);
export const OPTIONS = embedPreflight;
