// Pause/resume button posting to a server action with the record's id.
export function ToggleActive({ action, id, active, noun }: { action: (form: FormData) => Promise<void>; id: string; active: boolean; noun: string }) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50" aria-label={`${active ? "Pause" : "Resume"} ${noun}`}>
        {active ? "Pause" : "Resume"}
      </button>
    </form>
  );
}
