import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { keepOnlyVariant, stepExperiment } from "@/lib/experiments/step-experiment";
import { seedCustomer, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

async function impressions(customerId: string, stepId: string, variantId: string, offerId: string, n: number, accepted: number) {
  for (let i = 0; i < n; i++) {
    const imp = await db.offerImpression.create({ data: { customerId, stepId, variantId, offerId, placement: "THANK_YOU", priceAmount: 1000, listPriceAmount: 1000, currency: "USD", expiresAt: new Date() } });
    if (i < accepted) await db.offerDecision.create({ data: { impressionId: imp.id, outcome: "ACCEPTED" } });
  }
}

describe("a step's experiment", () => {
  it("counts each variant's impressions and accepts, suggests the clear winner, and keeps only it in one step", async () => {
    const [a, b] = await Promise.all([seedOffer((await seedProduct()).id), seedOffer((await seedProduct()).id)]);
    const { steps } = await seedFunnel([{ offers: [[a.id, 5000], [b.id, 5000]], holdoutBps: 1000 }]);
    const step = steps[0]!;
    const [va, vb] = step.variants;
    const customer = await seedCustomer();
    await impressions(customer.id, step.id, va!.id, a.id, 120, 6);
    await impressions(customer.id, step.id, vb!.id, b.id, 120, 36);
    await db.offerImpression.create({ data: { customerId: customer.id, stepId: step.id, holdout: true, placement: "THANK_YOU", priceAmount: 0, listPriceAmount: 0, currency: "USD", expiresAt: new Date() } });

    const verdict = await stepExperiment(step.id);
    expect(verdict.arms.map((x) => [x.label, x.impressions, x.accepts])).toEqual([["A", 120, 6], ["B", 120, 36]]);
    expect(verdict.winner).toBe(vb!.id);

    expect(await keepOnlyVariant(step.id, vb!.id)).toEqual({ ok: true, label: "B" });
    const after = await db.stepVariant.findMany({ where: { stepId: step.id }, orderBy: { label: "asc" }, select: { weightBps: true } });
    expect(after.map((x) => x.weightBps)).toEqual([0, 10_000]);
    expect((await db.funnelStep.findUniqueOrThrow({ where: { id: step.id } })).holdoutBps).toBe(1000);
    // One live variant: nothing left to judge.
    expect((await stepExperiment(step.id)).arms).toHaveLength(1);
    expect(await keepOnlyVariant(step.id, "var_missing")).toMatchObject({ ok: false, code: "not_found" });
  });
});
