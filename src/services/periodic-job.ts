/**
 * Runs `work` every `intervalMs` until stopped, the first time one interval after start (a start
 * stays quiet); a failure is logged and the job runs again at its next tick. `stop` waits for a
 * run under way. Every instance may run such a job: the work itself takes care of the others.
 */
export function startPeriodicJob(job: { name: string; intervalMs: number; work: () => Promise<void>; log: { warn(details: object, message: string): void } }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = job
      .work()
      .catch((error: unknown) => job.log.warn({ err: error }, `${job.name} failed; it runs again at its next tick`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, job.intervalMs);
      });
  };
  timer = setTimeout(tick, job.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
