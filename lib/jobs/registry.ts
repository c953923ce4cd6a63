// Every background job Encore runs, by name. The worker runs exactly these; enqueue() accepts only
// these names with their payload types. Add a job: define it beside the domain code it drives
// (lib/<domain>/jobs.ts) with defineJob, then list it here.
import type { z } from "zod";
import { sendEmailJob } from "@/lib/mail/jobs";
import type { JobDefinition } from "./define";
import { resolveActionJob, resumePauseJob } from "@/lib/retention/jobs";

export const JOBS = {
  "mail.send": sendEmailJob,
  "retention.resolve-action": resolveActionJob,
  "retention.resume-pause": resumePauseJob,
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;
