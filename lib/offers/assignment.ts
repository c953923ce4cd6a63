import "server-only";
import { db } from "@/lib/db/client";
import { assignVariant, type Assignment, type StepForAssignment } from "@/lib/experiments/assign";

/** Which variant of a step this customer sees (sticky, from the experiments module), or holdout. */
export function stepAssignment(customerId: string, step: StepForAssignment): Promise<Assignment> {
  return assignVariant(db, { customerId, step });
}
