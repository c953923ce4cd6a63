import { z } from "zod";
import { embedAccept } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

const input = z.object({ impression_id: z.string().min(1).max(64), quote_token: z.string().min(1).max(2000).optional() });

/** One click: charges the impression's frozen card once, or confirms the previewed upgrade. */
export const POST = embedRoute("embed accept", input, async ({ customer, body, locale }) =>
  embedJson(await embedAccept(customer, { impressionId: body.impression_id, quoteToken: body.quote_token }, locale)),
);
export const OPTIONS = embedPreflight;
