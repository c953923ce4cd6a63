// Funnel admin: steps with experiments, accept/decline/fail edges, and the rules that protect history.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findCycle } from "@/lib/offers/funnel-graph";
import { stepSchema } from "@/lib/offers/funnel-schema";
import { addStep, createFunnel, getFunnel, removeStep, updateFunnel, updateStep } from "@/lib/offers/funnel-admin";
import { fieldErrorsOf } from "@/lib/result";
import { recordImpression, seedCustomer, seedOffer, seedProduct } from "@/tests/support/seed";
import { worded } from "@/tests/support/words";

async function offers() {
  const product = await seedProduct({ price: 1000 });
  return [await seedOffer(product.id, { name: "Up" }), await seedOffer(product.id, { name: "Down", kind: "DOWNSELL" }), await seedOffer(product.id, { name: "Alt" })];
}

describe("step schema", () => {
  it("needs weights adding up to 100%, distinct offers and a holdout of at most 50%", () => {
    const bad = stepSchema.safeParse({ name: "S", holdoutBps: "60", variantOffer: ["o1", "o1", ""], variantWeight: ["50", "40", ""] });
    const errors = worded(fieldErrorsOf(bad.error!));
    expect(errors.holdoutBps![0]).toMatch(/between 0% and 50%/);
    expect(errors.variantWeight![0]).toMatch(/add up to 100% \(now 90%\)/);
    expect(errors.variantOffer![0]).toMatch(/different offer/);
    expect(fieldErrorsOf(stepSchema.safeParse({ name: "S", holdoutBps: "0", variantOffer: "", variantWeight: "" }).error!)["variantOffer.0"]).toBeDefined();
    expect(stepSchema.parse({ name: "S", holdoutBps: "10", variantOffer: ["o1", "o2"], variantWeight: ["60", "40"] })).toEqual({
      name: "S", holdoutBps: 1000, variants: [{ label: "A", offerId: "o1", weightBps: 6000 }, { label: "B", offerId: "o2", weightBps: 4000 }],
    });
  });
});

describe("funnel graph", () => {
  it("finds cycles through any edge kind", () => {
    const e = (id: string, a: string | null, d: string | null = null, f: string | null = null) => ({ id, onAcceptStepId: a, onDeclineStepId: d, onFailStepId: f });
    expect(findCycle([e("1", "2", "3"), e("2", null), e("3", null, null, "2")])).toBeNull();
    expect(findCycle([e("1", "2"), e("2", null, "3"), e("3", null, null, "1")])).toEqual(["1", "2", "3", "1"]);
  });
});

describe("funnel service", () => {
  it("builds an upsell → downsell funnel: first step is the entry, decline leads to the downsell; each step saves in one form", async () => {
    const [up, down] = await offers();
    // A step's one form: what it shows, where each outcome leads, and whether it is the entry.
    const save = (stepId: string, offerId: string, edges: Record<string, string>, entry?: boolean) =>
      updateStep(stepId, { name: "Saved", holdoutBps: "0", variantOffer: [offerId], variantWeight: ["100"], ...edges, ...(entry ? { entry: "on" } : {}) });
    const funnel = await createFunnel({ name: "Post-purchase", windowMinutes: "20" });
    if (!funnel.ok) throw new Error(funnel.message);
    const s1 = await addStep(funnel.id, { name: "Upsell", holdoutBps: "10", variantOffer: [up!.id], variantWeight: ["100"] });
    const s2 = await addStep(funnel.id, { name: "Downsell", holdoutBps: "0", variantOffer: [down!.id], variantWeight: ["100"] });
    if (!s1.ok || !s2.ok) throw new Error("step failed");
    expect(await updateStep(s1.id, { name: "Upsell", holdoutBps: "10", variantOffer: [up!.id], variantWeight: ["100"], onAcceptStepId: "", onDeclineStepId: s2.id, onFailStepId: s2.id })).toMatchObject({ ok: true });
    const stored = (await getFunnel(funnel.id))!;
    expect(stored).toMatchObject({ windowSecs: 1200, entryStepId: s1.id });
    expect(stored.steps.map((s) => [s.position, s.name, s.holdoutBps, s.onDeclineStepId, s.onFailStepId])).toEqual([[1, "Upsell", 1000, s2.id, s2.id], [2, "Downsell", 0, null, null]]);
    expect(stored.steps[0]!.variants.map((v) => [v.label, v.offerId, v.weightBps])).toEqual([["A", up!.id, 10_000]]);

    // Loops, self-edges and steps of other funnels are refused.
    expect(await save(s2.id, down!.id, { onDeclineStepId: s1.id })).toMatchObject({ ok: false, code: "cycle" });
    expect(await save(s2.id, down!.id, { onAcceptStepId: s2.id })).toMatchObject({ fieldErrors: { onAcceptStepId: ["A step cannot lead to itself"] } });
    const other = await createFunnel({ name: "Other", windowMinutes: "15" });
    const foreign = other.ok ? await addStep(other.id, { name: "X", holdoutBps: "0", variantOffer: [up!.id], variantWeight: ["100"] }) : null;
    expect(await save(s1.id, up!.id, { onAcceptStepId: foreign?.ok ? foreign.id : "" })).toMatchObject({ fieldErrors: { onAcceptStepId: ["Choose a step of this funnel"] } });
    // A refused save changes nothing, not even the parts that were valid.
    expect((await getFunnel(funnel.id))!.steps.map((s) => [s.name, s.onDeclineStepId])).toEqual([["Upsell", s2.id], ["Downsell", null]]);
    expect((await save(s2.id, down!.id, {}, true)).ok).toBe(true);
    expect((await getFunnel(funnel.id))!).toMatchObject({ entryStepId: s2.id });
    // Saving the entry step without the box leaves it the entry (the funnel always has one).
    expect((await save(s2.id, down!.id, {})).ok).toBe(true);
    expect((await getFunnel(funnel.id))!).toMatchObject({ entryStepId: s2.id });
    expect(await updateFunnel(funnel.id, { name: "", windowMinutes: "0" })).toMatchObject({ fieldErrors: { name: [expect.any(String)], windowMinutes: [expect.any(String)] } });
  });

  it("keeps shown variants' history: no offer swap, retired at weight 0, shown steps not removable", async () => {
    const [up, down, alt] = await offers();
    const funnel = await createFunnel({ name: "Experiment", windowMinutes: "15" });
    if (!funnel.ok) throw new Error(funnel.message);
    const step = await addStep(funnel.id, { name: "Test", holdoutBps: "20", variantOffer: [up!.id, down!.id], variantWeight: ["50", "50"] });
    if (!step.ok) throw new Error(step.message);
    const variantA = await db.stepVariant.findFirstOrThrow({ where: { stepId: step.id, label: "A" } });
    const customer = await seedCustomer();
    await recordImpression({ customerId: customer.id, at: new Date(), offerId: up!.id, stepId: step.id, variantId: variantA.id });

    expect(await updateStep(step.id, { name: "Test", holdoutBps: "20", variantOffer: [alt!.id, down!.id], variantWeight: ["50", "50"] })).toMatchObject({ fieldErrors: { "variantOffer.0": [expect.stringMatching(/already been shown/)] } });
    // Drop A (shown → retired) and B (never shown → deleted), add C.
    expect((await updateStep(step.id, { name: "Test 2", holdoutBps: "0", variantOffer: ["", "", alt!.id], variantWeight: ["", "", "100"] })).ok).toBe(true);
    const variants = await db.stepVariant.findMany({ where: { stepId: step.id }, orderBy: { label: "asc" } });
    expect(variants.map((v) => [v.label, v.offerId, v.weightBps])).toEqual([["A", up!.id, 0], ["C", alt!.id, 10_000]]);
    expect(await removeStep(step.id)).toMatchObject({ ok: false, code: "has_history" });

    const unused = await addStep(funnel.id, { name: "Unused", holdoutBps: "0", variantOffer: [down!.id], variantWeight: ["100"] });
    if (!unused.ok) throw new Error(unused.message);
    expect((await removeStep(unused.id)).ok).toBe(true);
    expect(await db.funnelStep.count({ where: { id: unused.id } })).toBe(0);
  });
});
