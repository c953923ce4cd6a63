// The store's name and navigation, shared by the store's React header and the plain HTML pages
// that route handlers answer with (lib/http/problem-page.ts), so both look like one store.
export const STORE_NAME = "Encore demo store";

export const STORE_NAV = [
  { href: "/", label: "Catalogue" },
  { href: "/account", label: "Your account" },
] as const;
