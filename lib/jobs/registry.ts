// Every background job Encore runs, by name. The worker runs exactly these; enqueue() accepts only
// these names with their payload types. Add a job: define it beside the domain code it drives
// (lib/<domain>/jobs.ts) with defineJob, then list it here.
import type { z } from "zod";
import { notifyLapseJob } from "@/lib/entitlements/jobs";
import { sendEmailJob } from "@/lib/mail/jobs";
import { deliverWebhookJob } from "@/lib/outbound/jobs";
import type { JobDefinition } from "./define";

export const JOBS = {
  "mail.send": sendEmailJob,
  "outbound.deliver": deliverWebhookJob,
  "entitlements.notify-lapse": notifyLapseJob,
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;
