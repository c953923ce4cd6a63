import { z } from "zod";
import { embedDecline } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

/** "No thanks": the offer is not shown to this customer again. */
export const POST = embedRoute("embed decline", z.object({ impression_id: z.string().min(1).max(64) }), async ({ customer, body, locale }) =>
  embedJson(await embedDecline(customer, body.impression_id, locale)),
);
export const OPTIONS = embedPreflight;
