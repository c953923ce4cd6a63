"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export function ConsoleNav() {
  const pathname = usePathname();
  const t = useTranslations();
  const links = [
    { href: "/merchant", label: t("console.nav.overview") },
    { href: "/merchant/offers", label: t("console.nav.offers") },
    { href: "/merchant/funnels", label: t("console.nav.funnels") },
    { href: "/merchant/products", label: t("console.nav.products") },
    { href: "/merchant/retention", label: t("console.nav.retention") },
    { href: "/merchant/stats", label: t("console.nav.stats") },
    { href: "/merchant/refunds", label: t("console.nav.refunds") },
    { href: "/merchant/events", label: t("console.nav.events") },
    { href: "/merchant/attention", label: t("console.nav.attention") },
    { href: "/merchant/integrations", label: t("console.nav.integrations") },
    { href: "/merchant/store", label: t("console.nav.store") },
  ];
  return (
    <nav aria-label={t("console.chrome.navLabel")} className="-mb-px flex gap-1 overflow-x-auto">
      {links.map((link) => {
        const active = link.href === "/merchant" ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
