import {
  type DeliverySummary,
  deliverDueMail,
  type MailDeliveryDependencies,
} from './deliver-mail.js';

export interface MailDeliverySchedule {
  /** A pass now, unless one is running: then that pass's outcome. Never rejects. */
  runNow(): Promise<DeliverySummary | undefined>;
  /** Clears the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox at start-up and then every `intervalSeconds`, never two passes at once in
 * this process (other replicas' passes are fine: each mail is claimed once). The timer does not
 * keep the process alive.
 */
export function scheduleMailDelivery(
  deps: MailDeliveryDependencies,
  intervalSeconds: number,
): MailDeliverySchedule {
  let running: Promise<DeliverySummary | undefined> | undefined;
  let stopped = false;

  const runNow = () => {
    if (running) return running;
    if (stopped) return Promise.resolve(undefined);
    running = deliverDueMail(deps)
      .then(
        (summary) => {
          if (summary.sent + summary.deferred + summary.failed > 0)
            deps.log.info(summary, 'mail delivery pass');
          return summary;
        },
        (error: unknown) => {
          deps.log.error({ err: error }, 'mail delivery pass failed; it runs again on schedule');
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer = setInterval(() => void runNow(), intervalSeconds * 1000).unref();
  void runNow();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
