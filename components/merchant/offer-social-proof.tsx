// The offer editor's "Social proof" section: the merchant's own badge, or one earned from the
// offer's real take rate (thresholds in lib/offers/social-proof.ts, stated in the hint).
import { EARNED_MIN_ACCEPTED, EARNED_MIN_SHOWN, EARNED_WINDOW_DAYS } from "@/lib/offers/social-proof-rules";
import type { FieldErrors } from "@/lib/result";
import { Field, inputClass } from "./fields";
import { valueOf } from "./use-validated-form";

type Props = { values: Record<string, string | string[]>; errors: FieldErrors };

export function OfferSocialProofFields({ values, errors }: Props) {
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">Social proof</legend>
      <Field label="Badge" name="badge" hint="Your own words, e.g. “Most popular upgrade”. Blank for none." errors={errors}>
        <input id="badge" name="badge" defaultValue={valueOf(values, "badge")} className={inputClass} />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="earnBadge" defaultChecked={valueOf(values, "earnBadge") === "on"} className="mt-1" />
        <span>Without a badge of your own, show the real take rate (“Chosen by 23% of customers who saw it”) once at least {EARNED_MIN_SHOWN} customers saw the offer and {EARNED_MIN_ACCEPTED} took it in the last {EARNED_WINDOW_DAYS} days.</span>
      </label>
    </fieldset>
  );
}
