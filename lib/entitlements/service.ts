import "server-only";
import { db } from "@/lib/db/client";
import type { Entitlement } from "@/lib/generated/prisma/client";
import type { EntitlementStatus } from "@/lib/generated/prisma/enums";
import { effectiveStatus, grantsAccess, hasAccessAt } from "./rules";

export type CustomerRef = { customerId: string } | { dodoCustomerId: string };

const whereCustomer = (ref: CustomerRef) =>
  "customerId" in ref ? { customerId: ref.customerId } : { customer: { dodoCustomerId: ref.dodoCustomerId } };

export type EntitlementView = Entitlement & { effective: EntitlementStatus; hasAccess: boolean };

/** A customer's entitlements with their status as of `now`. */
export async function listEntitlements(ref: CustomerRef, now: Date = new Date()): Promise<EntitlementView[]> {
  const rows = await db.entitlement.findMany({ where: whereCustomer(ref), orderBy: { grantedAt: "desc" } });
  return rows.map((row) => {
    const effective = effectiveStatus(row, now);
    return { ...row, effective, hasAccess: grantsAccess(effective) };
  });
}

/** May this customer use the product now? True if any payment or subscription grants it. */
export async function canUse(ref: CustomerRef, productId: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db.entitlement.findMany({
    where: { ...whereCustomer(ref), productId, status: { in: ["ACTIVE", "GRACE"] } },
    select: { status: true, endsAt: true },
  });
  return rows.some((row) => hasAccessAt(row, now));
}
