// Small, consistent form pieces for the merchant console.
import type { FieldErrors } from "@/lib/result";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-400";

export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-600" data-testid={`error-${name}`}>
      {messages[0]}
    </p>
  );
}

export function Field({ label, name, id, hint, errors, children }: { label: string; name: string; id?: string; hint?: string; errors: FieldErrors; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id ?? name} className="mb-1 block text-sm font-medium text-slate-700">{label}</label>
      {children}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError errors={errors} name={name} />
    </div>
  );
}

export function FormMessages({ failure, success }: { failure: string | null; success: string | null }) {
  if (failure) return <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{failure}</p>;
  if (success) return <p role="status" data-testid="form-success" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">{success}</p>;
  return null;
}

export function SubmitButton({ pending, children, variant = "primary" }: { pending: boolean; children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const style =
    variant === "primary"
      ? "bg-brand-600 text-white hover:bg-brand-700"
      : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50";
  return (
    <button type="submit" disabled={pending} className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:opacity-60 ${style}`}>
      {children}
    </button>
  );
}
