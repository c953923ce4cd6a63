import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireMerchant } from "@/lib/auth/merchant-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.notFound.metaTitle") };
}

// Any /merchant/... address no console page matches: the console's 404 (not-found.tsx beside the
// console layout), after the sign-in check so a signed-out visitor learns nothing from it.
export default async function MissingConsolePage() {
  await requireMerchant();
  notFound();
}
