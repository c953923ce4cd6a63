import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import type { Moment } from "@/lib/generated/prisma/client";
import type { MomentSource } from "@/lib/generated/prisma/enums";
import type { MomentProperties } from "@/lib/offers/moment-targeting";

export type NewMoment = {
  customerId: string;
  name: string;
  properties: MomentProperties;
  source: MomentSource;
  /** A retried report with the same key (or a redelivered webhook) records one moment. */
  idempotencyKey: string | null;
  occurredAt: Date;
};

/** Records a moment once per idempotency key; a repeat returns the first one. */
export async function recordMoment(client: Tx | typeof db, input: NewMoment): Promise<{ moment: Moment; repeated: boolean }> {
  const data = { ...input, properties: input.properties as Prisma.InputJsonValue };
  if (!input.idempotencyKey) return { moment: await client.moment.create({ data }), repeated: false };
  const { count } = await client.moment.createMany({ data: [data], skipDuplicates: true });
  const moment = await client.moment.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
  return { moment, repeated: count === 0 };
}
