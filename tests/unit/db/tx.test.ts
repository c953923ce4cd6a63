// The one transaction helper against real Postgres: a deadlock between two instances' transactions
// is retried and both land once; anything else fails at once.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inTransaction, isTransientConflict } from "@/lib/db/tx";

const customerRow = () => db.customer.create({ data: { dodoCustomerId: `cus_${crypto.randomBytes(8).toString("hex")}`, email: "tx@example.com", name: "" } });

/** A promise and its resolver. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

describe("inTransaction", () => {
  it("retries the transaction Postgres aborted as a deadlock, and both transactions land once", async () => {
    const [a, b] = [await customerRow(), await customerRow()];
    const aLocked = signal();
    const bLocked = signal();
    const runs = { first: 0, second: 0 };
    // Each takes one row, waits until the other holds the other row, then asks for it: a deadlock.
    const crossing = (name: "first" | "second", mine: string, theirs: string, locked: ReturnType<typeof signal>, otherLocked: ReturnType<typeof signal>) =>
      inTransaction(async (tx) => {
        runs[name]++;
        const mark = name === "first" ? "1" : "2";
        await tx.$executeRaw`UPDATE "Customer" SET "name" = "name" || ${mark} WHERE "id" = ${mine}`;
        locked.fire();
        await otherLocked.fired;
        await tx.$executeRaw`UPDATE "Customer" SET "name" = "name" || ${mark} WHERE "id" = ${theirs}`;
      });
    await Promise.all([crossing("first", a.id, b.id, aLocked, bLocked), crossing("second", b.id, a.id, bLocked, aLocked)]);
    // Postgres aborted exactly one of them; it ran again and both changed both rows once.
    expect(runs.first + runs.second).toBe(3);
    const names = (await db.customer.findMany({ where: { id: { in: [a.id, b.id] } } })).map((c) => [...c.name!].sort().join(""));
    expect(names).toEqual(["12", "12"]);
  });

  it("does not retry other errors", async () => {
    let runs = 0;
    await expect(inTransaction(async () => {
      runs++;
      throw new Error("not a conflict");
    })).rejects.toThrow("not a conflict");
    expect(runs).toBe(1);
  });

  it("gives up after the last attempt", async () => {
    let runs = 0;
    const conflict = Object.assign(new Error("could not serialize access due to concurrent update"), { code: "P2034" });
    await expect(inTransaction(async () => {
      runs++;
      throw conflict;
    }, { attempts: 3, backoffMs: 1 })).rejects.toBe(conflict);
    expect(runs).toBe(3);
  });

  it("recognises serialization failures and deadlocks however Prisma reports them", () => {
    expect(isTransientConflict(Object.assign(new Error("x"), { code: "P2034" }))).toBe(true);
    expect(isTransientConflict(new Error("Raw query failed. Code: `40P01`. Message: `deadlock detected`"))).toBe(true);
    expect(isTransientConflict(Object.assign(new Error("x"), { meta: { driverAdapterError: { cause: { originalCode: "40001" } } } }))).toBe(true);
    expect(isTransientConflict(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isTransientConflict("deadlock detected")).toBe(false);
  });
});
