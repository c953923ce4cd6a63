import "server-only";
import type { Operation } from "./endpoint";
import { accessOperation } from "./operations/access";
import { checkoutSessionsOperation } from "./operations/checkout-sessions";
import { embedTokenOperation, momentsOperation } from "./operations/moments";
import { offersOperation } from "./operations/offers";
import { planPreviewOperation } from "./operations/plan-preview";
import { subscriptionsOperation } from "./operations/subscriptions";

/** Every operation of /api/v1. The OpenAPI document lists exactly these (a test checks them against app/api/v1). */
export const OPERATIONS: Operation<never, never, never>[] = [
  accessOperation,
  subscriptionsOperation,
  planPreviewOperation,
  offersOperation,
  checkoutSessionsOperation,
  momentsOperation,
  embedTokenOperation,
] as unknown as Operation<never, never, never>[];
