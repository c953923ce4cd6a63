import { formatPrice } from "@/lib/catalog/format";
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";

type Props = {
  product: { id: string; name: string; description: string | null; priceAmount: number; currency: string; billingInterval: BillingInterval | null; billingIntervalCount: number | null };
  badge?: string | null;
  locale: Locale;
  children?: React.ReactNode;
};

export function ProductCard({ product, badge, locale, children }: Props) {
  return (
    <article data-testid="product-card" className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold" data-merchant-copy>{product.name}</h3>
        {badge ? <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">{badge}</span> : null}
      </div>
      {product.description ? <p className="mt-2 text-sm text-slate-600" data-merchant-copy>{product.description}</p> : null}
      <p className="mt-4 text-lg font-semibold" data-testid="product-price">{formatPrice(product, locale)}</p>
      {children ? <div className="mt-4">{children}</div> : null}
    </article>
  );
}
