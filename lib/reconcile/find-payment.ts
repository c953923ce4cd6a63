import "server-only";
import type DodoPayments from "dodopayments";
import type { PaymentListResponse } from "dodopayments/resources/payments";
import { SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { readEncoreMetadata, type EncoreMetadata } from "@/lib/dodo/metadata";

// Finding the payment a money call of ours made when its answer never came back: Dodo has no
// idempotency keys and no lookup by our ids, but it copies our metadata onto the payment, and
// lists a customer's payments by creation time. (/work/shared/dodo-api.md §4.4.6.)

const PAGE_SIZE = 100;
/** A customer with more payments than this since the call is not something a resolver should page through. */
const MAX_PAGES = 10;
/**
 * How far before our call the search starts: Dodo stamps created_at with its own clock, which may
 * run a little behind ours. No upper bound: a request still in flight at Dodo can create its
 * payment at any time after the call, and a skewed clock must not hide it; the metadata decides.
 */
export const CLOCK_MARGIN_MS = 5 * 60_000;

export type PaymentSearch = { customerId: string; subscriptionId?: string; calledAt: Date };

/**
 * The customer's payment (newest first) whose metadata carries our id, created since just before
 * the call, or null when Dodo holds none. Throws when Dodo does not answer (the caller retries).
 */
export async function findOurPayment(
  client: DodoPayments,
  search: PaymentSearch,
  isOurs: (ids: EncoreMetadata) => boolean,
): Promise<PaymentListResponse | null> {
  const since = new Date(search.calledAt.getTime() - CLOCK_MARGIN_MS).toISOString();
  for (let page = 0; page < MAX_PAGES; page++) {
    // Pages are read from 0 explicitly: the SDK's auto-pagination skips page 1 (see reconcile/recent.ts).
    const { items } = await client.payments.list(
      { customer_id: search.customerId, ...(search.subscriptionId ? { subscription_id: search.subscriptionId } : {}), created_at_gte: since, page_number: page, page_size: PAGE_SIZE },
      SAFE_CALL_OPTIONS,
    );
    const ours = items.find((item) => isOurs(readEncoreMetadata(item.metadata)));
    if (ours) return ours;
    if (items.length < PAGE_SIZE) return null;
  }
  throw new Error(`more than ${MAX_PAGES * PAGE_SIZE} payments of ${search.customerId} since ${since}: not searched further`);
}
