// Every background job Encore runs, by name. The worker runs exactly these; enqueue() accepts only
// these names with their payload types. Add a job: define it beside the domain code it drives
// (lib/<domain>/jobs.ts) with defineJob, then list it here.
import type { z } from "zod";
import { notifyLapseJob } from "@/lib/entitlements/jobs";
import { sendEmailJob } from "@/lib/mail/jobs";
import { resolveChargeJob } from "@/lib/checkout/jobs";
import { expireSessionJob, expireWindowsJob } from "@/lib/offers/jobs";
import { confirmKeepPlanJob, resolvePlanChangeJob } from "@/lib/plans/jobs";
import { resyncRecentJob } from "@/lib/reconcile/jobs";
import { buildRollupsJob } from "@/lib/stats/jobs";
import { retryFailedWebhookJob } from "@/lib/webhooks/jobs";
import { deliverWebhookJob } from "@/lib/outbound/jobs";
import type { JobDefinition } from "./define";
import { resolveActionJob, resumePauseJob } from "@/lib/retention/jobs";
import { resolveRefundJob } from "@/lib/refunds/jobs";

export const JOBS = {
  "mail.send": sendEmailJob,
  [resolveChargeJob.name]: resolveChargeJob,
  [resolvePlanChangeJob.name]: resolvePlanChangeJob,
  [confirmKeepPlanJob.name]: confirmKeepPlanJob,
  [expireSessionJob.name]: expireSessionJob,
  [expireWindowsJob.name]: expireWindowsJob,
  [resyncRecentJob.name]: resyncRecentJob,
  [buildRollupsJob.name]: buildRollupsJob,
  [retryFailedWebhookJob.name]: retryFailedWebhookJob,
  [resolveActionJob.name]: resolveActionJob,
  [resumePauseJob.name]: resumePauseJob,
  [deliverWebhookJob.name]: deliverWebhookJob,
  [notifyLapseJob.name]: notifyLapseJob,
  [resolveRefundJob.name]: resolveRefundJob,
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;
