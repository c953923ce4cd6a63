// The process's life as an app server: whether it is draining (stopping after in-flight
// requests), and what must be closed at the very end (the database pool). Our server
// (scripts/server.ts) and the app's bundle are separate module instances, so both states live on
// globalThis.
type Lifecycle = { draining: boolean; hooks: { name: string; run: () => Promise<void> }[] };

const KEY = Symbol.for("encore.lifecycle");
const store = globalThis as unknown as { [KEY]?: Lifecycle };
const lifecycle = (): Lifecycle => (store[KEY] ??= { draining: false, hooks: [] });

/** True once the server stopped taking new requests; /api/health then answers 503. */
export const isDraining = (): boolean => lifecycle().draining;

export function startDraining(): void {
  lifecycle().draining = true;
}

/** Registers something to close when the process stops (once per name: dev reloads modules). */
export function onShutdown(name: string, run: () => Promise<void>): void {
  const hooks = lifecycle().hooks;
  const existing = hooks.findIndex((h) => h.name === name);
  if (existing >= 0) hooks.splice(existing, 1);
  hooks.push({ name, run });
}

/** Runs every shutdown hook, newest first; a failing hook does not stop the others. */
export async function runShutdownHooks(onError: (name: string, err: unknown) => void): Promise<void> {
  for (const hook of [...lifecycle().hooks].reverse()) {
    await hook.run().catch((err: unknown) => onError(hook.name, err));
  }
}
