// Sticky experiment assignment: distribution, stickiness across calls and concurrent convergence.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assignVariant } from "@/lib/experiments/assign";
import { chooseAssignment } from "@/lib/experiments/bucket";
import { seedCustomer, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

describe("chooseAssignment (pure)", () => {
  const step = { id: "step_dist", holdoutBps: 2000, variants: [{ id: "vA", label: "A", weightBps: 7000 }, { id: "vB", label: "B", weightBps: 3000 }] };

  it("splits 20,000 customers by holdout and weights within 1.5 percentage points", () => {
    const counts = { holdout: 0, vA: 0, vB: 0 };
    for (let i = 0; i < 20_000; i++) {
      const a = chooseAssignment(`cust_${i}`, step);
      if (a.holdout) counts.holdout++;
      else counts[a.variantId as "vA" | "vB"]++;
    }
    expect(Math.abs(counts.holdout / 20_000 - 0.2)).toBeLessThan(0.015);
    // Of the 80% not held out: 70/30.
    expect(Math.abs(counts.vA / 20_000 - 0.56)).toBeLessThan(0.015);
    expect(Math.abs(counts.vB / 20_000 - 0.24)).toBeLessThan(0.015);
  });

  it("is deterministic and independent of variant order", () => {
    const reversed = { ...step, variants: [...step.variants].reverse() };
    for (let i = 0; i < 200; i++) expect(chooseAssignment(`c${i}`, reversed)).toEqual(chooseAssignment(`c${i}`, step));
  });

  it("gives the same customer different draws on different steps", () => {
    const other = { ...step, id: "step_other" };
    const differs = Array.from({ length: 200 }, (_, i) => chooseAssignment(`c${i}`, step).variantId !== chooseAssignment(`c${i}`, other).variantId);
    expect(differs.some(Boolean)).toBe(true);
  });

  it("never shows a variant with weight 0 and shows nothing without live variants", () => {
    const retired = { id: "s", holdoutBps: 0, variants: [{ id: "old", label: "A", weightBps: 0 }, { id: "new", label: "B", weightBps: 10_000 }] };
    for (let i = 0; i < 100; i++) expect(chooseAssignment(`c${i}`, retired).variantId).toBe("new");
    expect(chooseAssignment("c", { id: "s", holdoutBps: 0, variants: [] })).toEqual({ variantId: null, holdout: false });
  });
});

async function stepWithVariants(holdoutBps: number) {
  const product = await seedProduct({ price: 1000 });
  const [a, b] = [await seedOffer(product.id, { name: "A" }), await seedOffer(product.id, { name: "B" })];
  const { steps } = await seedFunnel([{ offers: [[a.id, 5000], [b.id, 5000]], holdoutBps }]);
  const step = steps[0]!;
  return { id: step.id, holdoutBps, variants: step.variants.map((v) => ({ id: v.id, label: v.label, weightBps: v.weightBps })) };
}

describe("assignVariant (Postgres)", () => {
  it("stores the assignment once and returns it again even after the weights change", async () => {
    const step = await stepWithVariants(0);
    const customer = await seedCustomer();
    const first = await assignVariant(db, { customerId: customer.id, step });
    expect(first.holdout).toBe(false);
    expect(step.variants.map((v) => v.id)).toContain(first.variantId);
    // Re-weight so the hash would now pick the other variant: the stored one still wins.
    const skewed = { ...step, variants: step.variants.map((v) => ({ ...v, weightBps: v.id === first.variantId ? 1 : 9999 })) };
    expect(await assignVariant(db, { customerId: customer.id, step: skewed })).toEqual(first);
    expect(await db.experimentAssignment.count({ where: { customerId: customer.id, stepId: step.id } })).toBe(1);
  });

  it("converges on one row when many requests assign the same customer at once", async () => {
    const step = await stepWithVariants(3000);
    const customer = await seedCustomer();
    const results = await Promise.all(Array.from({ length: 12 }, () => assignVariant(db, { customerId: customer.id, step })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const rows = await db.experimentAssignment.findMany({ where: { customerId: customer.id, stepId: step.id } });
    expect(rows).toHaveLength(1);
    expect({ variantId: rows[0]!.variantId, holdout: rows[0]!.holdout }).toEqual(results[0]);
  });

  it("re-draws a customer whose variant was retired, among the live variants", async () => {
    const step = await stepWithVariants(0);
    const customer = await seedCustomer();
    const first = await assignVariant(db, { customerId: customer.id, step });
    const remaining = step.variants.find((v) => v.id !== first.variantId)!;
    const retired = { ...step, variants: step.variants.map((v) => ({ ...v, weightBps: v.id === remaining.id ? 10_000 : 0 })) };
    expect(await assignVariant(db, { customerId: customer.id, step: retired })).toEqual({ variantId: remaining.id, holdout: false });
    const row = await db.experimentAssignment.findUniqueOrThrow({ where: { customerId_stepId: { customerId: customer.id, stepId: step.id } } });
    expect(row.variantId).toBe(remaining.id);
  });

  it("records holdout customers too, so lift can be measured against them", async () => {
    const step = await stepWithVariants(10_000);
    const customer = await seedCustomer();
    expect(await assignVariant(db, { customerId: customer.id, step })).toEqual({ variantId: null, holdout: true });
    expect(await db.experimentAssignment.count({ where: { customerId: customer.id, stepId: step.id, holdout: true } })).toBe(1);
  });
});
