import Link from "next/link";

export default function StoreLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <nav className="mx-auto flex max-w-5xl items-center justify-between px-6 py-4">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Encore <span className="text-brand-600">demo store</span>
          </Link>
          <div className="flex gap-5 text-sm text-slate-600">
            <Link href="/" className="hover:text-slate-900">Catalogue</Link>
            <Link href="/account" className="hover:text-slate-900">Account</Link>
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-10">{children}</main>
    </>
  );
}
