import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/merchant/console-nav";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { signOutAction } from "../sign-in/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { default: t("console.chrome.title"), template: t("console.chrome.titleTemplate") }, robots: { index: false } };
}

// The layout checks the session for the chrome; every page and action checks again itself,
// because layouts are not re-run on every navigation.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const [merchant, t] = await Promise.all([requireMerchant(), getTranslations()]);
  return (
    <div>
      <div className="mb-8 border-b border-slate-200">
        <div className="mb-3 flex items-center justify-between gap-4">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("console.chrome.title")}</p>
          <form action={signOutAction} className="flex items-center gap-3 text-sm text-slate-600">
            <span data-testid="merchant-email">{merchant.email}</span>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-50">{t("console.chrome.signOut")}</button>
          </form>
        </div>
        <ConsoleNav />
      </div>
      {children}
    </div>
  );
}
