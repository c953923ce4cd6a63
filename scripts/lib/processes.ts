import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "./database";

/** Starts a long-running child in its own process group so stopping it stops its children too. */
export function startChild(command: string, args: string[], env: Record<string, string>, opts: { quiet?: boolean } = {}): ChildProcess {
  return spawn(command, args, {
    cwd: REPO_ROOT,
    // No telemetry: these machines have no internet and merchants did not opt in.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    detached: true,
  });
}

/** Sends SIGTERM to the child's process group at once; false when it is already gone. */
export function signalChild(child: ChildProcess): boolean {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return false;
  try {
    process.kill(-child.pid, "SIGTERM");
    return true;
  } catch {
    return false;
  }
}

export async function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (!signalChild(child)) return;
  const timer = setTimeout(() => {
    try { process.kill(-child.pid!, "SIGKILL"); } catch { /* already gone */ }
  }, timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Polls a URL until it answers (any HTTP status) or the child dies. */
export async function waitForHttp(url: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before ${url} answered`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
