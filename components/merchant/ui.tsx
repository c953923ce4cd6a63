// Layout pieces shared by merchant pages: headers, cards, badges and empty states.
import Link from "next/link";

/** `titleIsMerchantCopy`: the title is the record's own name (an offer, a funnel), shown as written. */
export function PageHeader({ title, description, actions, titleIsMerchantCopy = false }: { title: string; description?: string; actions?: React.ReactNode; titleIsMerchantCopy?: boolean }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        {/* Focusable from script only: where focus goes when what had it is gone (FocusKeeper). */}
        <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight focus:outline-none" data-merchant-copy={titleIsMerchantCopy || undefined}>{title}</h1>
        {description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

/** `titleIsMerchantCopy`: the title is a record's own name (a ladder, a product), shown as written. */
export function Card({ title, children, className = "", titleIsMerchantCopy = false }: { title?: string; children: React.ReactNode; className?: string; titleIsMerchantCopy?: boolean }) {
  return (
    <section className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {title ? <h2 className="mb-4 text-base font-semibold" data-merchant-copy={titleIsMerchantCopy || undefined}>{title}</h2> : null}
      {children}
    </section>
  );
}

const TONES = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  grey: "bg-slate-100 text-slate-600 ring-slate-200",
  brand: "bg-brand-50 text-brand-700 ring-brand-100",
  amber: "bg-amber-50 text-amber-700 ring-amber-200",
  red: "bg-red-50 text-red-700 ring-red-200",
} as const;

export function Badge({ tone = "grey", children }: { tone?: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}

export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? (
        <Link href={action.href} className="mt-4 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}

export function ButtonLink({ href, children, variant = "primary" }: { href: string; children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const style = variant === "primary" ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50";
  return <Link href={href} className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium shadow-sm ${style}`}>{children}</Link>;
}

/** A link inside text or a table: it must look like one (colour and underline), not only on hover. */
export const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600 hover:no-underline";

export const tableClass = "min-w-full divide-y divide-slate-200 text-sm";
export const thClass = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
export const tdClass = "px-3 py-2 align-top";
