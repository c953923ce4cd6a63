import type { Metadata } from "next";
import { StoreSettingsForm } from "@/components/merchant/store-settings-form";
import { Card, PageHeader } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { storeSettingsValues } from "@/lib/store/settings";
import { saveStoreSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Store branding" };

export default async function StorePage() {
  await requireMerchant();
  return (
    <div className="space-y-6">
      <PageHeader title="Store branding" description="Your store's name, logo, accent colour and support email, on every customer page (store, thank-you page, account, plan page) and in every email customers get." />
      <Card><StoreSettingsForm action={saveStoreSettingsAction} initialValues={await storeSettingsValues()} /></Card>
    </div>
  );
}
