import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/product-card";
import { listCatalogue } from "@/lib/catalog/queries";

// The catalogue is read from Postgres on every request (it follows merchant edits and syncs).
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [{ oneTime, plans }, t, locale] = await Promise.all([listCatalogue(), getTranslations(), getLocale()]);
  return (
    <div className="space-y-12">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">{t("store.home.title")}</h1>
        <p className="mt-2 max-w-2xl text-slate-700">{t("store.home.intro")}</p>
      </section>
      {oneTime.length + plans.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">{t("store.home.empty")}</p>
      ) : null}
      {oneTime.length > 0 ? (
        <section aria-labelledby="one-time">
          <h2 id="one-time" className="text-xl font-semibold">{t("store.home.products")}</h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {oneTime.map((p) => (
              <ProductCard key={p.id} product={p} locale={locale}>
                <Link href={`/products/${p.id}`} className="text-sm font-medium text-brand-700 hover:underline">{t("store.home.viewProduct")}</Link>
              </ProductCard>
            ))}
          </div>
        </section>
      ) : null}
      {plans.length > 0 ? (
        <section aria-labelledby="plans">
          <h2 id="plans" className="text-xl font-semibold">{t("store.home.plans")}</h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {plans.map((p) => (
              <ProductCard key={p.id} product={p} locale={locale}>
                <Link href={`/products/${p.id}`} className="text-sm font-medium text-brand-700 hover:underline">{t("store.home.viewPlan")}</Link>
              </ProductCard>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
