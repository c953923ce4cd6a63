import Link from "next/link";
import { FocusKeeper } from "@/components/merchant/focus-keeper";

// The console is wider than the store: its stats tables have many columns.
export default function MerchantLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-800 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between px-6 py-4">
          <Link href="/merchant" className="text-lg font-semibold tracking-tight">
            Encore <span className="text-brand-100">merchant</span>
          </Link>
          <Link href="/" className="text-sm text-slate-300 hover:text-white">View store →</Link>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-10">{children}</main>
      <FocusKeeper />
    </>
  );
}
