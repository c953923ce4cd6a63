import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StoreSettingsForm } from "@/components/merchant/store-settings-form";
import { Card, PageHeader } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { storeSettingsValues } from "@/lib/store/settings";
import { saveStoreSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.store.metaTitle") };
}

export default async function StorePage() {
  await requireMerchant();
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <PageHeader title={t("console.store.title")} description={t("console.store.description")} />
      <Card><StoreSettingsForm action={saveStoreSettingsAction} initialValues={await storeSettingsValues()} /></Card>
    </div>
  );
}
