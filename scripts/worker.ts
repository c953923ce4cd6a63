// `npm run worker`: the background worker (graphile-worker over the app's PostgreSQL). Run one or
// more next to the app instances in production; `npm run dev` and the tests start one themselves.
// Settings come from the environment (or .env); with none, the development setup of `npm run dev`.
// SIGTERM/SIGINT: stop taking jobs, let running ones finish, then exit.
import { runWithAppEnvironment } from "./lib/cli-env";

await runWithAppEnvironment(async () => {
  const { startWorker } = await import("@/lib/jobs/worker");
  const log = (await import("@/lib/log")).logger("worker");
  const runner = await startWorker();
  log.info("ready");
  await new Promise<void>((resolve) => {
    let stopping = false;
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        log.info({ signal }, "stopping: finishing running jobs");
        void runner.stop().finally(resolve);
      });
    }
    void runner.promise.then(resolve, (err: unknown) => {
      log.error({ err }, "stopped on an error");
      process.exitCode = 1;
      resolve();
    });
  });
  return process.exitCode === 1 ? 1 : 0;
});
