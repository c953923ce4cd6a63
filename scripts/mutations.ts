// The critical lines `npm run test:mutate` breaks, one mutation at a time, with the tests that must
// catch each. A mutation is found by its code snippet, not by file or line: `find` must occur
// exactly once in lib/, app/ and components/ together (files may move; the run stops, naming the
// mutation, when a snippet is missing or ambiguous: then update the snippet here). A snippet that
// is repeated elsewhere takes `within`: the start of its declaration (e.g. "export async function
// keepCurrentPlan"), and is then looked for only there, up to the next export. `patches` are
// applied together to a scratch copy; `tests` are test files (relative to the repository root).
// To add one: copy an entry, paste the exact line(s) from the source as `find`, write the broken
// version as `replace`, name the tests that should fail, and run `npm run test:mutate -- <id>`.

export type Mutation = {
  id: string;
  /** What breaks in the product when this line is wrong. */
  what: string;
  patches: { find: string; replace: string; within?: string }[];
  tests: string[];
};

const ONE_CLICK_TESTS = ["tests/unit/checkout/one-click.test.ts"];
const CUSTOMER_ACCESS = ["tests/unit/customer-access.test.ts"];

export const MUTATIONS: Mutation[] = [
  // ── Locks ──────────────────────────────────────────────────────────────────────────────────
  {
    id: "claim-lock",
    what: "accept claims the charge without the impression lock (charged and DECLINED at once)",
    patches: [
      { find: "      await lockImpression(tx, read.id);\n      return claimPendingAttempt(tx, pending);", replace: "      return claimPendingAttempt(tx, pending);" },
      { find: "    await lockImpression(tx, read.id);\n    const [imp] = await tx.$queryRaw<ClaimRow[]>", replace: "    const [imp] = await tx.$queryRaw<ClaimRow[]>" },
    ],
    tests: ONE_CLICK_TESTS,
  },
  {
    id: "decline-lock",
    what: "decline decides without the impression lock (charged and DECLINED at once)",
    patches: [{ find: "    await lockImpression(tx, input.impressionId);\n", replace: "" }],
    tests: ONE_CLICK_TESTS,
  },

  // ── Webhooks ───────────────────────────────────────────────────────────────────────────────
  {
    id: "signature-verification",
    what: "webhook bodies are trusted without checking their Standard Webhooks signature",
    patches: [{ find: "body = webhookFor(secret).verify(rawBody, picked);", replace: "body = JSON.parse(rawBody);" }],
    tests: ["tests/unit/webhooks/handle.test.ts"],
  },
  {
    id: "ordering-older-wins",
    what: "an older Dodo state overwrites a newer one (payments, subscriptions)",
    patches: [{ find: "if (diff !== 0) return diff > 0;", replace: "if (diff !== 0) return true;" }],
    tests: ["tests/unit/webhooks/rules.test.ts", "tests/unit/webhooks/payments.test.ts", "tests/unit/webhooks/subscriptions.test.ts"],
  },
  {
    id: "ordering-refund-status",
    what: "a late pending refund event replaces its succeeded state",
    patches: [{ find: "  if (stored && refundStatusRank(refund.status) < refundStatusRank(stored.status)) return false;\n", replace: "" }],
    tests: ["tests/unit/webhooks/payments.test.ts", "tests/unit/webhooks/rules.test.ts"],
  },
  {
    id: "refund-revocation",
    what: "a full refund keeps the customer's access",
    patches: [{ find: `return payment.refundState === "FULL" ? "REVOKED" : "ACTIVE";`, replace: `return "ACTIVE";` }],
    tests: ["tests/unit/entitlements/rules.test.ts", "tests/unit/webhooks/payments.test.ts", "tests/unit/webhooks/crash.test.ts"],
  },

  // ── Ownership: offers ──────────────────────────────────────────────────────────────────────
  {
    id: "owner-accept",
    what: "one click charges another customer's offer (both checks: before the claim and in it)",
    patches: [
      { find: "  if (!imp || imp.customerId !== input.customerId || !imp.offeredProductId", replace: "  if (!imp || !imp.offeredProductId" },
      { find: "if (imp.customerId !== customerId || imp.holdout || !imp.offerId) return { result: NOT_FOUND };", replace: "if (imp.holdout || !imp.offerId) return { result: NOT_FOUND };" },
      { find: "if (!imp || imp.customerId !== customerId || imp.holdout || !imp.offerId) return { kind", replace: "if (!imp || imp.holdout || !imp.offerId) return { kind" },
    ],
    tests: [...CUSTOMER_ACCESS, ...ONE_CLICK_TESTS],
  },
  {
    id: "owner-decline",
    what: "anyone can decline another customer's offer",
    patches: [{ find: "if (!imp || imp.customerId !== input.customerId || imp.holdout) return", replace: "if (!imp || imp.holdout) return" }],
    tests: CUSTOMER_ACCESS,
  },
  {
    id: "owner-charge-status",
    what: "another customer's charge is shown (and synced) to anyone",
    patches: [{ find: "if (!attempt || attempt.customerId !== input.customerId) return null;", replace: "if (!attempt) return null;" }],
    tests: CUSTOMER_ACCESS,
  },
  {
    id: "owner-offer-checkout",
    what: "hosted checkout opens for another customer's offer",
    patches: [{ find: "if (!impression?.offer || impression.customerId !== customer.id) return", replace: "if (!impression?.offer) return" }],
    tests: CUSTOMER_ACCESS,
  },

  // ── Ownership: plan changes ────────────────────────────────────────────────────────────────
  {
    id: "owner-plan-preview",
    what: "a plan change is previewed (and quoted) on another customer's subscription",
    patches: [{ find: "if (!subscription || subscription.customerId !== customerId) return notFound(t);", replace: "if (!subscription) return notFound(t);" }],
    tests: CUSTOMER_ACCESS,
  },
  {
    id: "owner-plan-confirm",
    what: "another customer's quote can be confirmed (their card charged)",
    patches: [{ find: "if (!change || change.subscription.customerId !== input.customerId || change.quoteHash", replace: "if (!change || change.quoteHash" }],
    tests: CUSTOMER_ACCESS,
  },
  {
    id: "owner-keep-plan",
    what: "\"Keep my current plan\" cancels another customer's scheduled change",
    patches: [{ within: "export async function keepCurrentPlan(", find: "if (!sub || sub.customerId !== input.customerId) return notFound(t);", replace: "if (!sub) return notFound(t);" }],
    tests: CUSTOMER_ACCESS,
  },
  {
    id: "owner-card-update",
    what: "a card-update page opens for another customer's subscription",
    patches: [{ within: "export async function cardUpdateLink(", find: "if (!sub || sub.customerId !== input.customerId) return notFound(t);", replace: "if (!sub) return notFound(t);" }],
    tests: CUSTOMER_ACCESS,
  },

  // ── Stats ──────────────────────────────────────────────────────────────────────────────────
  // (Offer counts also say `NOT holdout`, but holdout impressions never carry an offer, so that
  // filter is redundant there: breaking it changes no number, and it is not listed.)
  {
    id: "stats-holdout-arm",
    what: "lift compares a variant against every visit of its step, not only the holdout",
    patches: [{ find: "input.exposures.filter((e) => e.holdout && meta && e.stepId === meta.stepId)", replace: "input.exposures.filter((e) => meta && e.stepId === meta.stepId)" }],
    tests: ["tests/unit/stats/service.test.ts"],
  },
  {
    id: "stats-holdout-exposures",
    what: "holdout visits are left out of the exposures, so no lift is measured",
    patches: [{ find: `FROM f WHERE holdout OR "offerId" IS NOT NULL`, replace: `FROM f WHERE "offerId" IS NOT NULL` }],
    tests: ["tests/unit/stats/service.test.ts"],
  },
  {
    id: "csv-lift-bounds-swapped",
    what: "the CSV's lift interval has low and high swapped",
    patches: [{ find: "major(lift ? Math.round(lift.low) : null, c),\n        major(lift ? Math.round(lift.high) : null, c),", replace: "major(lift ? Math.round(lift.high) : null, c),\n        major(lift ? Math.round(lift.low) : null, c)," }],
    tests: ["tests/unit/stats/range-csv.test.ts", "tests/unit/stats/service.test.ts"],
  },
  {
    id: "csv-lift-estimate",
    what: "the CSV's lift per visit is the interval's lower bound",
    patches: [{ find: "major(lift ? Math.round(lift.estimate) : null, c),", replace: "major(lift ? Math.round(lift.low) : null, c)," }],
    tests: ["tests/unit/stats/range-csv.test.ts", "tests/unit/stats/service.test.ts"],
  },
  {
    id: "csv-revenue-columns-swapped",
    what: "the CSV's revenue and revenue-per-impression columns are swapped",
    patches: [
      { find: "major(find(l.revenue, c), c),\n        major(find(l.refunded, c), c),", replace: "major(find(l.revenuePerImpression, c), c),\n        major(find(l.refunded, c), c)," },
      { find: "major(find(l.revenuePerImpression, c), c),\n        major(aov?.with ?? null, c),", replace: "major(find(l.revenue, c), c),\n        major(aov?.with ?? null, c)," },
    ],
    tests: ["tests/unit/stats/range-csv.test.ts", "tests/unit/stats/service.test.ts"],
  },
  {
    id: "stats-period-dirty-day",
    what: "a month or week roll-up is served though one of its days was marked dirty (a late refund or dispute missing)",
    patches: [{ find: "return !dirty.marks.some((m) => m.day >= first && m.day < end);", replace: "return true;" }],
    tests: ["tests/unit/stats/rollup-periods.test.ts"],
  },
  {
    id: "stats-period-settle",
    what: "a month or week roll-up is served after one of its days settled (a payment that matured still pending)",
    patches: [{ find: "if (stored.refreshAt && stored.refreshAt <= now) return false;", replace: "" }],
    tests: ["tests/unit/stats/rollup-periods.test.ts"],
  },
  {
    id: "stats-period-day-rewritten",
    what: "a day recomputed on its own leaves the months and weeks built from its old row in place",
    patches: [{ find: `WHERE p.start <= (e #>> '{}')::date`, replace: `WHERE false AND p.start <= (e #>> '{}')::date` }],
    tests: ["tests/unit/stats/rollup-periods.test.ts"],
  },
  {
    id: "stats-period-stale-build",
    what: "a month or week built from a day's older row is stored over the newer day",
    patches: [{ find: `WHERE s."computedAt" IS DISTINCT FROM u."computedAt")`, replace: `WHERE false)` }],
    tests: ["tests/unit/stats/rollup-periods.test.ts"],
  },
  // ── Retention (cancel flow, pause) ─────────────────────────────────────────────────────────
  {
    id: "retention-pause-holds",
    what: "an unanswered pause is settled DONE while Dodo shows the subscription still active",
    patches: [{ find: `return sub.status === "PAUSED";`, replace: `return sub.status === "ACTIVE";` }],
    tests: ["tests/unit/retention/rules.test.ts", "tests/unit/retention/flow.test.ts"],
  },
  {
    id: "retention-holdout-draw",
    what: "the holdout share is inverted: most cancel attempts see no save offer",
    patches: [{ find: "return point * 10_000 < holdoutBps;", replace: "return point * 10_000 >= holdoutBps;" }],
    tests: ["tests/unit/retention/rules.test.ts"],
  },
  {
    id: "retention-cancel-feedback",
    what: "a cancellation reaches Dodo without the customer's reason",
    patches: [{ find: "...(request.reason ? { cancellation_feedback: dodoFeedback(request.reason) } : {}),", replace: "" }],
    tests: ["tests/unit/retention/flow.test.ts"],
  },
  {
    id: "retention-unknown-resolver",
    what: "a pause or cancellation whose answer was lost is left UNKNOWN with no job to resolve it",
    patches: [{ find: `await enqueue(tx, "retention.resolve-action", { actionId: action.id }`, replace: `if (count === 2) await enqueue(tx, "retention.resolve-action", { actionId: action.id }` }],
    tests: ["tests/unit/retention/flow.test.ts"],
  },
  {
    id: "retention-stale-resume",
    what: "the resume job of an earlier pause ends a later, open-ended one",
    patches: [{ find: `if (latestPause?.id !== input.pauseActionId) return "superseded";`, replace: "" }],
    tests: ["tests/unit/retention/flow.test.ts"],
  },
  {
    id: "retention-save-counts-failed",
    what: "the stats count a save whose pause never happened",
    patches: [{ find: "(sa.id IS NULL OR sa.status NOT IN ('REFUSED', 'NOT_APPLIED'))", replace: "true" }],
    tests: ["tests/unit/retention/stats.test.ts"],
  },
  {
    id: "retention-lift-groups",
    what: "retention lift compares the offered group with itself, not the holdout",
    patches: [{ find: `const holdout = input.groups.find((g) => g.currency === currency && g.group === "holdout");`, replace: `const holdout = input.groups.find((g) => g.currency === currency && g.group === "offered");` }],
    tests: ["tests/unit/retention/stats-report.test.ts", "tests/unit/retention/stats.test.ts"],
  },

  // ── Server API, external checkouts, outgoing webhooks ─────────────────────────────────────
  {
    id: "api-scope",
    what: "a read-only API key may create checkout sessions",
    patches: [{ find: 'return needed === "read" || key.scope === "WRITE";', replace: "return true;" }],
    tests: ["tests/unit/api/keys.test.ts"],
  },
  {
    id: "api-revoked-key",
    what: "a revoked API key still authenticates",
    patches: [{ find: "if (!key || key.revokedAt) return null;", replace: "if (!key) return null;" }],
    tests: ["tests/unit/api/keys.test.ts"],
  },
  {
    id: "external-return-second-browser",
    what: "a claimed external checkout opens its thank-you page (and one-click) in any browser",
    patches: [{ find: "if (claim) return claim.customerId === sessionCustomerId && claim.customerId ?", replace: "if (claim) return claim.customerId ?" }],
    tests: ["tests/unit/checkout/external-return.test.ts"],
  },
  {
    id: "external-return-old-payment",
    what: "an old payment's return URL still opens the funnel",
    patches: [{ find: "if (now.getTime() - payment.dodoCreatedAt.getTime() > windowMs) return false;", replace: "" }],
    tests: ["tests/unit/checkout/external-return.test.ts"],
  },
  {
    id: "outbound-signature",
    what: "outgoing webhooks are signed with a key the merchant does not have",
    patches: [{ find: '"webhook-signature": new Webhook(secret).sign(messageId, at, body),', replace: '"webhook-signature": new Webhook(newEndpointSecret()).sign(messageId, at, body),' }],
    tests: ["tests/unit/outbound/delivery.test.ts"],
  },
  {
    id: "outbound-access-once",
    what: "every convergence re-announces access the merchant's app was already told of",
    patches: [{ find: "    if (access === row.notifiedAccess) continue;\n", replace: "" }],
    tests: ["tests/unit/outbound/emitters.test.ts"],
  },
];
