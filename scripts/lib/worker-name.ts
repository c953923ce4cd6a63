/**
 * The application_name of the dev and test stacks' worker connections (scripts/lib/stack.ts): it
 * names them in pg_stat_activity, and lets the fuzz spec tell the worker's scheduled writes from
 * the ones a request made.
 */
export const WORKER_APPLICATION_NAME = "encore-worker";
