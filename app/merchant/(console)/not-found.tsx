import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink, PageHeader, linkClass } from "@/components/merchant/ui";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.notFound.metaTitle") };
}

// A missing console page (/merchant/nope) or record (/merchant/offers/<deleted id>): inside the
// console's own chrome, with the way back, instead of the framework's bare 404.
export default async function ConsoleNotFound() {
  const t = await getTranslations();
  return (
    <div data-testid="console-not-found">
      <PageHeader title={t("console.notFound.title")} description={t("console.notFound.description")} />
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <ButtonLink href="/merchant">{t("console.notFound.back")}</ButtonLink>
        <Link href="/merchant/offers" className={linkClass}>{t("console.notFound.allOffers")}</Link>
        <Link href="/merchant/funnels" className={linkClass}>{t("console.notFound.allFunnels")}</Link>
      </div>
    </div>
  );
}
