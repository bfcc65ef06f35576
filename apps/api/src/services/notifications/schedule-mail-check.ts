import type { FastifyBaseLogger } from 'fastify';

export interface MailCheckSchedule {
  stop(): Promise<void>;
}

const HOUR_MS = 3_600_000;

/**
 * Runs a check that queues mail at start-up and every `intervalHours` (0: start-up only), never
 * two at once in this process, logging what it queued or why it failed; the timer does not keep
 * the process alive.
 */
export function scheduleMailCheck(
  log: FastifyBaseLogger,
  options: { intervalHours: number; queued: string; failed: string },
  check: () => Promise<number>,
): MailCheckSchedule {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = check()
      .then(
        (queued) => {
          if (queued > 0) log.info({ queued }, options.queued);
        },
        (error: unknown) => log.error({ err: error }, options.failed),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer =
    options.intervalHours > 0
      ? setInterval(run, options.intervalHours * HOUR_MS).unref()
      : undefined;
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
