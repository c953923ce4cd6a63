// Deterministic experiment bucketing: the same customer and step always hash to the same place, so
// every app instance computes the same assignment without shared state.
import crypto from "node:crypto";

export type StepForAssignment = {
  id: string;
  holdoutBps: number;
  variants: readonly { id: string; label?: string; weightBps: number }[];
};

export type Assignment = { variantId: string | null; holdout: boolean };

/** Two independent uniform numbers in [0, 1) from sha256(customerId, stepId). */
export function hashPoints(customerId: string, stepId: string): [number, number] {
  const digest = crypto.createHash("sha256").update(customerId).update("\u0000").update(stepId).digest();
  return [digest.readUInt32BE(0) / 2 ** 32, digest.readUInt32BE(4) / 2 ** 32];
}

/**
 * Holdout first (holdoutBps of all traffic sees no offer), then the rest is split by variant
 * weights. Variants are ordered by label so reordering rows in the UI never reshuffles customers.
 */
export function chooseAssignment(customerId: string, step: StepForAssignment): Assignment {
  const [holdoutPoint, variantPoint] = hashPoints(customerId, step.id);
  if (holdoutPoint * 10_000 < step.holdoutBps) return { variantId: null, holdout: true };
  const live = [...step.variants].filter((v) => v.weightBps > 0).sort((a, b) => (a.label ?? a.id).localeCompare(b.label ?? b.id));
  const total = live.reduce((s, v) => s + v.weightBps, 0);
  if (total === 0) return { variantId: null, holdout: false };
  let cursor = variantPoint * total;
  for (const variant of live) {
    if (cursor < variant.weightBps) return { variantId: variant.id, holdout: false };
    cursor -= variant.weightBps;
  }
  return { variantId: live[live.length - 1]!.id, holdout: false };
}
