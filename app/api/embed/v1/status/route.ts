import { z } from "zod";
import { embedStatus } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

const input = z.object({ impression_id: z.string().min(1).max(64) });

/** The one-click charge's state while it is in flight; reads Dodo, never charges. POST is the script's preflight-free form. */
const read = embedRoute("embed status", input, async ({ customer, body, locale }) => embedJson({ charge: await embedStatus(customer, body.impression_id, locale) }));
export const GET = read;
export const POST = read;
export const OPTIONS = embedPreflight;
