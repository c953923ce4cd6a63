// The cancel flow's pure rules: the CancelAttempt state machine, the holdout draw, the end of a
// pause, Dodo's resume rule, and what Dodo's subscription must show for an action to have happened.
import { describe, expect, it } from "vitest";
import type { CancelAttemptStatus } from "@/lib/generated/prisma/enums";
import { actionHolds, canMove, dodoFeedback, inHoldout, movesInto, nextBillingAfterResume, pauseEndsAt } from "@/lib/retention/rules";
import { CANCEL_REASONS, reasonSchema } from "@/lib/retention/reasons";

const ALL: CancelAttemptStatus[] = ["OPEN", "SAVED", "CANCELLED", "KEPT"];

describe("the CancelAttempt state machine", () => {
  it("allows exactly: open → saved | cancelled | kept, saved → open (the save did not happen), cancelled → kept (undo)", () => {
    const allowed = ALL.flatMap((from) => ALL.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(["CANCELLED→KEPT", "OPEN→CANCELLED", "OPEN→KEPT", "OPEN→SAVED", "SAVED→OPEN"].sort());
  });

  it("never leaves KEPT, and a saved attempt is never cancelled without being reopened", () => {
    expect(ALL.some((to) => canMove("KEPT", to))).toBe(false);
    expect(canMove("SAVED", "CANCELLED")).toBe(false);
    expect(canMove("CANCELLED", "SAVED")).toBe(false);
  });

  it("movesInto lists the statuses a compare-and-set may leave", () => {
    expect(movesInto("KEPT").sort()).toEqual(["CANCELLED", "OPEN"]);
    expect(movesInto("SAVED")).toEqual(["OPEN"]);
    expect(movesInto("OPEN")).toEqual(["SAVED"]);
  });
});

describe("the holdout", () => {
  it("is sticky per customer and ladder, and honours the share", () => {
    expect(inHoldout("cus_a", "ladder_1", 5000)).toBe(inHoldout("cus_a", "ladder_1", 5000));
    expect(inHoldout("cus_a", "ladder_1", 0)).toBe(false);
    const held = Array.from({ length: 4000 }, (_, i) => inHoldout(`cus_${i}`, "ladder_1", 2000)).filter(Boolean).length;
    expect(held / 4000).toBeGreaterThan(0.17);
    expect(held / 4000).toBeLessThan(0.23);
  });

  it("draws independently per ladder", () => {
    const sameEverywhere = Array.from({ length: 200 }, (_, i) => inHoldout(`cus_${i}`, "a", 5000) === inHoldout(`cus_${i}`, "b", 5000)).filter(Boolean).length;
    expect(sameEverywhere).toBeLessThan(150);
  });
});

describe("pauses", () => {
  it("end after the given number of billing cycles", () => {
    expect(pauseEndsAt(new Date("2026-01-10T10:00:00Z"), { interval: "MONTH", intervalCount: 1 }, 2).toISOString()).toBe("2026-03-10T10:00:00.000Z");
    expect(pauseEndsAt(new Date("2026-01-10T10:00:00Z"), { interval: "YEAR", intervalCount: 1 }, 1).toISOString()).toBe("2027-01-10T10:00:00.000Z");
    expect(pauseEndsAt(new Date("2026-01-10T10:00:00Z"), { interval: "WEEK", intervalCount: 2 }, 1).toISOString()).toBe("2026-01-24T10:00:00.000Z");
  });

  it("move the next billing date by exactly the time paused on resume (Dodo: 'the billing clock freezes')", () => {
    const next = new Date("2026-02-01T00:00:00Z");
    expect(nextBillingAfterResume(next, new Date("2026-01-10T00:00:00Z"), new Date("2026-01-22T00:00:00Z")).toISOString()).toBe("2026-02-13T00:00:00.000Z");
    expect(nextBillingAfterResume(next, new Date("2026-01-10T00:00:00Z"), new Date("2026-01-09T00:00:00Z"))).toEqual(next);
  });
});

describe("what Dodo must show for an action to have happened", () => {
  const active = { status: "ACTIVE" as const, cancelAtNextBillingDate: false };
  it("pause → paused, resume → active", () => {
    expect(actionHolds("PAUSE", { ...active, status: "PAUSED" })).toBe(true);
    expect(actionHolds("PAUSE", active)).toBe(false);
    expect(actionHolds("RESUME", active)).toBe(true);
    expect(actionHolds("RESUME", { ...active, status: "PAUSED" })).toBe(false);
  });
  it("cancel → set to end (or already ended), undo → active and not set to end", () => {
    expect(actionHolds("CANCEL", { ...active, cancelAtNextBillingDate: true })).toBe(true);
    expect(actionHolds("CANCEL", { status: "CANCELLED", cancelAtNextBillingDate: false })).toBe(true);
    expect(actionHolds("CANCEL", active)).toBe(false);
    expect(actionHolds("UNDO_CANCEL", active)).toBe(true);
    expect(actionHolds("UNDO_CANCEL", { ...active, cancelAtNextBillingDate: true })).toBe(false);
  });
});

describe("reasons", () => {
  it("are Dodo's eight cancellation_feedback values", () => {
    expect(CANCEL_REASONS.map(dodoFeedback).sort()).toEqual(["customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused"]);
  });
  it("are optional on the reason step; comments are trimmed and bounded", () => {
    expect(reasonSchema.parse({ reason: "", comment: "  " })).toEqual({ reason: undefined, comment: undefined });
    expect(reasonSchema.parse({ reason: "UNUSED", comment: " busy " })).toEqual({ reason: "UNUSED", comment: "busy" });
    expect(reasonSchema.safeParse({ reason: "BORED" }).success).toBe(false);
    expect(reasonSchema.safeParse({ comment: "x".repeat(1001) }).success).toBe(false);
  });
});
