"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/merchant", label: "Overview" },
  { href: "/merchant/offers", label: "Offers" },
  { href: "/merchant/funnels", label: "Funnels" },
  { href: "/merchant/products", label: "Products" },
  { href: "/merchant/retention", label: "Retention" },
  { href: "/merchant/stats", label: "Stats" },
  { href: "/merchant/refunds", label: "Refunds" },
  { href: "/merchant/events", label: "Webhooks" },
  { href: "/merchant/attention", label: "Needs attention" },
  { href: "/merchant/integrations", label: "Integrations" },
  { href: "/merchant/store", label: "Branding" },
] as const;

export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Merchant console" className="-mb-px flex gap-1 overflow-x-auto">
      {LINKS.map((link) => {
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
