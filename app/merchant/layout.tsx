import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FocusKeeper } from "@/components/merchant/focus-keeper";
import { LocaleSwitch } from "@/components/store/locale-switch";
import { setLocaleAction } from "../(store)/_locale-actions";

// The console is wider than the store: its stats tables have many columns. The language switch is
// the store's (same cookie): a merchant's choice holds on both sides.
export default async function MerchantLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <ClientMessages surface="console">
      <header className="border-b border-slate-800 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-6 py-4">
          <Link href="/merchant" className="text-lg font-semibold tracking-tight">
            Encore <span className="text-brand-100">{t("console.chrome.brandSuffix")}</span>
          </Link>
          <div className="flex items-center gap-4 text-sm">
            <div className="text-slate-900 [&_button]:bg-white">
              <LocaleSwitch setLocale={setLocaleAction} />
            </div>
            <Link href="/" className="text-slate-300 hover:text-white">{t("console.chrome.viewStore")}</Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-10">{children}</main>
      <FocusKeeper />
    </ClientMessages>
  );
}
