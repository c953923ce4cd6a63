// The one advisory-lock helper: one key serialises transactions across connections (as it would
// across app instances); another key, or the same key in another namespace, does not wait.
import { describe, expect, it } from "vitest";
import { lock, type LockNamespace } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";

/** Takes `namespace:key`, says so, keeps it until `release` resolves, and logs when it let go. */
function hold(namespace: LockNamespace, key: string, log: string[], name: string, release: Promise<unknown> = Promise.resolve()) {
  let locked!: () => void;
  const acquired = new Promise<void>((resolve) => (locked = resolve));
  const done = inTransaction(async (tx) => {
    await lock(tx, namespace, key);
    log.push(`${name} in`);
    locked();
    await release;
    log.push(`${name} out`);
  });
  return { acquired, done };
}

const key = () => `k_${Math.random().toString(36).slice(2)}`;
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("lock", () => {
  it("serialises two transactions on the same key until the first commits", async () => {
    const k = key();
    const log: string[] = [];
    const first = hold("dodo-object", k, log, "first", later(300));
    await first.acquired;
    const second = hold("dodo-object", k, log, "second");
    await Promise.all([first.done, second.done]);
    expect(log).toEqual(["first in", "first out", "second in", "second out"]);
  });

  it("does not make other keys or other namespaces wait", async () => {
    const k = key();
    const log: string[] = [];
    let release!: () => void;
    const first = hold("offer-decision", k, log, "first", new Promise<void>((resolve) => (release = resolve)));
    await first.acquired;
    // Both finish while the first still holds its lock (else this would hang until the timeout).
    await Promise.all([hold("offer-slot", k, log, "namespace").done, hold("offer-decision", key(), log, "key").done]);
    release();
    await first.done;
    expect(log.slice(-1)).toEqual(["first out"]);
  });
});
