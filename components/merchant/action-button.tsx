"use client";
import type { FormState } from "@/lib/forms/state";
import { FormMessages } from "./fields";
import { useValidatedForm } from "./use-validated-form";

/** A one-button form (sync, remove…) that reports the action's result next to it, where focus then goes. */
export function ActionButton({ action, fields, label, accessibleLabel, pendingLabel, tone = "secondary" }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  /** A fuller name when the visible label is the same for several records ("Remove step 2: Upsell"). */
  accessibleLabel?: string;
  pendingLabel: string;
  tone?: "primary" | "secondary" | "danger";
}) {
  const { ref, ...form } = useValidatedForm(action, null);
  const style = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
    danger: "border border-red-200 bg-white text-red-700 hover:bg-red-50",
  }[tone];
  return (
    <form ref={ref} action={form.formAction} onSubmit={form.onSubmit} className="flex flex-wrap items-center gap-3">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {/* aria-disabled, not disabled, while pending: a disabled button drops focus to <body>. */}
      <button type="submit" aria-disabled={form.pending || undefined} aria-label={accessibleLabel} className={`rounded-md px-3 py-1.5 text-sm font-medium shadow-sm aria-disabled:opacity-60 ${style}`}>
        {form.pending ? pendingLabel : label}
      </button>
      <FormMessages failure={form.failure} success={form.success} />
    </form>
  );
}
