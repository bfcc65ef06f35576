const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * The cron pattern that runs every `minutes`, on the clock (every 15 minutes: at :00, :15, :30
 * and :45), for the intervals a cron pattern can keep evenly: a divisor of an hour, whole hours
 * dividing a day, a day, a week. Undefined for any other interval.
 */
export function cronForInterval(minutes: number): string | undefined {
  if (!Number.isInteger(minutes) || minutes <= 0) return undefined;
  if (minutes === 1) return '* * * * *';
  if (minutes < HOUR) return HOUR % minutes === 0 ? `*/${minutes} * * * *` : undefined;
  if (minutes === DAY) return '0 0 * * *';
  if (minutes === WEEK) return '0 0 * * 0';
  if (minutes % HOUR !== 0 || DAY % minutes !== 0) return undefined;
  return minutes === HOUR ? '0 * * * *' : `0 */${minutes / HOUR} * * *`;
}
