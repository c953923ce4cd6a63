// The offer editor's "Social proof" section: the merchant's own badge, or one earned from the
// offer's real take rate (thresholds in lib/offers/social-proof.ts, stated in the hint).
import { useTranslations } from "next-intl";
import { EARNED_MIN_ACCEPTED, EARNED_MIN_SHOWN, EARNED_WINDOW_DAYS } from "@/lib/offers/social-proof-rules";
import type { FieldErrors } from "@/lib/result";
import { Field, inputClass } from "./fields";
import { valueOf } from "./use-validated-form";

type Props = { values: Record<string, string | string[]>; errors: FieldErrors };

export function OfferSocialProofFields({ values, errors }: Props) {
  const t = useTranslations();
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("console.offerForm.socialProof")}</legend>
      <Field label={t("console.offerForm.badge")} name="badge" hint={t("console.offerForm.badgeHint")} errors={errors}>
        <input id="badge" name="badge" defaultValue={valueOf(values, "badge")} className={inputClass} />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="earnBadge" defaultChecked={valueOf(values, "earnBadge") === "on"} className="mt-1" />
        <span>{t("console.offerForm.earnBadge", { shown: EARNED_MIN_SHOWN, accepted: EARNED_MIN_ACCEPTED, days: EARNED_WINDOW_DAYS })}</span>
      </label>
    </fieldset>
  );
}
