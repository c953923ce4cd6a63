// What a plan change adds and removes (lib/plans/value.ts), beside its price difference.
export function PlanValueLists({ gains, losses }: { gains: readonly string[]; losses: readonly string[] }) {
  if (!gains.length && !losses.length) return null;
  return (
    <div className="mt-1 grid gap-x-6 text-sm sm:grid-cols-2">
      {gains.length ? (
        <div data-testid="plan-gains">
          <p className="font-medium text-green-800">You gain</p>
          <ul className="list-inside list-disc text-slate-700">{gains.map((g) => <li key={g}>{g}</li>)}</ul>
        </div>
      ) : null}
      {losses.length ? (
        <div data-testid="plan-losses">
          <p className="font-medium text-amber-800">You lose</p>
          <ul className="list-inside list-disc text-slate-700">{losses.map((l) => <li key={l}>{l}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
