import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chooseAssignment, type Assignment, type StepForAssignment } from "./bucket";

export type { Assignment, StepForAssignment } from "./bucket";

type AssignmentStore = Pick<PrismaClient, "experimentAssignment">;

/**
 * The customer's sticky assignment for a funnel step: variant or holdout, chosen once by a
 * deterministic hash and stored in ExperimentAssignment. Concurrent calls (two tabs, two app
 * instances) insert with ON CONFLICT DO NOTHING and then read, so they all return the one row.
 * A stored assignment whose variant was since removed or retired is re-drawn among the live ones.
 */
export async function assignVariant(db: AssignmentStore, input: { customerId: string; step: StepForAssignment }): Promise<Assignment> {
  const { customerId, step } = input;
  const chosen = chooseAssignment(customerId, step);
  if (!chosen.holdout && !chosen.variantId) return chosen; // nothing to show and nothing to measure
  await db.experimentAssignment.createMany({
    data: [{ customerId, stepId: step.id, variantId: chosen.variantId, holdout: chosen.holdout }],
    skipDuplicates: true,
  });
  const stored = await db.experimentAssignment.findUniqueOrThrow({
    where: { customerId_stepId: { customerId, stepId: step.id } },
    select: { variantId: true, holdout: true },
  });
  if (stored.holdout || (stored.variantId && step.variants.some((v) => v.id === stored.variantId && v.weightBps > 0))) return stored;
  // The variant is gone (deleted → null) or retired (weight 0): re-draw, once, atomically.
  const { count } = await db.experimentAssignment.updateMany({
    where: { customerId, stepId: step.id, holdout: false, variantId: stored.variantId },
    data: { variantId: chosen.variantId, holdout: chosen.holdout },
  });
  if (count === 1) return chosen;
  return db.experimentAssignment.findUniqueOrThrow({ where: { customerId_stepId: { customerId, stepId: step.id } }, select: { variantId: true, holdout: true } });
}
