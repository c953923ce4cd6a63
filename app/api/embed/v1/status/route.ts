import { embedStatus } from "@/lib/moments/embed";
import { embedJson, embedPreflight, embedRoute } from "@/lib/moments/embed-route";

/** The one-click charge's state while it is in flight; reads Dodo, never charges. */
export const GET = embedRoute("embed status", null, async ({ customer, query }) => {
  const impressionId = query.get("impression_id");
  if (!impressionId || impressionId.length > 64) return embedJson({ ok: false, code: "invalid_request", message: "impression_id is required." }, 422);
  return embedJson({ charge: await embedStatus(customer, impressionId) });
});
export const OPTIONS = embedPreflight;
