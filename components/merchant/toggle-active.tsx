import { getTranslations } from "next-intl/server";

// Pause/resume button posting to a server action with the record's id. `noun` is the record's
// own name (merchant copy), the end of the button's accessible name.
export async function ToggleActive({ action, id, active, noun }: { action: (form: FormData) => Promise<void>; id: string; active: boolean; noun: string }) {
  const t = await getTranslations();
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
        {active ? t("console.toggle.pause") : t("console.toggle.resume")}
        {/* The accessible name ends with the record's name ("Pause Summer upsell"), kept out of the translation as written. */}
        <span className="sr-only" data-merchant-copy> {noun}</span>
      </button>
    </form>
  );
}
