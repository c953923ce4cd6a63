import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireMerchant } from "@/lib/auth/merchant-session";

export const metadata: Metadata = { title: "Page not found" };

// Any /merchant/... address no console page matches: the console's 404 (not-found.tsx beside the
// console layout), after the sign-in check so a signed-out visitor learns nothing from it.
export default async function MissingConsolePage() {
  await requireMerchant();
  notFound();
}
