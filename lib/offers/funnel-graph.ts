// Funnel steps form a directed graph through their accept, decline and payment-failed edges. A
// cycle would show a customer the same offers forever, so edits that create one are refused.

export type StepEdges = { id: string; onAcceptStepId: string | null; onDeclineStepId: string | null; onFailStepId: string | null };

/** The ids along a cycle (first id repeated at the end), or null when the graph is acyclic. */
export function findCycle(steps: StepEdges[]): string[] | null {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === "done") return null;
    if (state.get(id) === "open") return [...path.slice(path.indexOf(id)), id];
    const step = byId.get(id);
    if (!step) return null;
    state.set(id, "open");
    path.push(id);
    for (const next of [step.onAcceptStepId, step.onDeclineStepId, step.onFailStepId]) {
      if (!next) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, "done");
    return null;
  };
  for (const step of steps) {
    const cycle = visit(step.id);
    if (cycle) return cycle;
  }
  return null;
}
