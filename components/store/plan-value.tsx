import { useTranslations } from "next-intl";

// What a plan change adds and removes (lib/plans/value.ts), beside its price difference. The
// features are the merchant's words; the headings are ours.
export function PlanValueLists({ gains, losses }: { gains: readonly string[]; losses: readonly string[] }) {
  const t = useTranslations();
  if (!gains.length && !losses.length) return null;
  return (
    <div className="mt-1 grid gap-x-6 text-sm sm:grid-cols-2">
      {gains.length ? (
        <div data-testid="plan-gains">
          <p className="font-medium text-green-800">{t("plans.value.gain")}</p>
          <ul className="list-inside list-disc text-slate-700">{gains.map((g) => <li key={g} data-merchant-copy>{g}</li>)}</ul>
        </div>
      ) : null}
      {losses.length ? (
        <div data-testid="plan-losses">
          <p className="font-medium text-amber-800">{t("plans.value.lose")}</p>
          <ul className="list-inside list-disc text-slate-700">{losses.map((l) => <li key={l} data-merchant-copy>{l}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
