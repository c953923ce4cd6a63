// What of the catalogue each surface's client components read. A client provider ships its
// messages inside every page's HTML, so the whole catalogue (~75 kB, most of it the console's)
// would ride along with the thank-you page; each surface ships only the parts its client
// components use. tests/unit/i18n/client-messages.test.ts fails when a client component uses a
// key its surface does not ship.
import type { Locale } from "./locales";
import { MESSAGES } from "./messages";

const ERROR_PAGE = ["errors.page"];
// The thank-you page's client parts (its speed is measured: bench/journey.ts): the accept button and
// what it shows (the charge's state, why it failed), the countdown, quantity, the sign-in form, and
// what an upgrade adds (components/store/plan-value.tsx).
const OFFERS = [
  "offers.expiredButton", "offers.expired", "offers.endsIn", "offers.noThanks", "offers.processing", "offers.quantity", "offers.quantityTotal",
  "offers.charge", "offers.failure", "plans.value", "catalog",
];
const SIGN_IN = ["signIn.emailInvalid", "signIn.emailLabel", "signIn.emailTooLong", "signIn.formHeading", "signIn.formIntro", "signIn.sending", "signIn.submit"];

export const CLIENT_MESSAGE_PATHS = {
  /** Outside any surface: the root error page. */
  root: ERROR_PAGE,
  /** The storefront, thank-you page, account and the console's preview of an offer. */
  store: [...ERROR_PAGE, ...OFFERS, ...SIGN_IN],
  /** The plan page (a store page): its change, pause and cancel flows word much of lib/plans and lib/retention in the browser. */
  plan: [...ERROR_PAGE, ...OFFERS, ...SIGN_IN, "plans", "retention", "console.retentionStats.noReason"],
  /** The console's client forms word field messages and targeting as they check: the console's words whole. */
  console: [...ERROR_PAGE, "console", "offers.earnedBadge"],
} as const;

export type ClientSurface = keyof typeof CLIENT_MESSAGE_PATHS;

type Tree = { [key: string]: string | Tree };

/** The catalogue's parts at `paths` (dot paths to a message or a group), in the same shape. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: string | Tree | undefined = messages;
    let to = out;
    for (const [i, part] of parts.entries()) {
      from = typeof from === "object" ? from[part] : undefined;
      if (from === undefined) throw new Error(`no message or group ${path} in the catalogue`);
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Tree;
    }
  }
  return out;
}

const cache = new Map<string, Tree>();

/** What a surface's client provider ships in `locale`. */
export function clientMessages(locale: Locale, surface: ClientSurface): Tree {
  const key = `${locale}:${surface}`;
  let picked = cache.get(key);
  if (!picked) {
    picked = pickMessages(MESSAGES[locale] as unknown as Tree, CLIENT_MESSAGE_PATHS[surface]);
    cache.set(key, picked);
  }
  return picked;
}
