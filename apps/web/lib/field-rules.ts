/** What the web forms say about a value that breaks one of the limits in packages/core's rules. */

/** E.g. "At most 5,000 characters." */
export function atMost(max: number): string {
  return `At most ${max.toLocaleString('en-GB')} characters.`;
}

/** Records the problem when `value` is longer than `max` characters. */
export function tooLong(
  problems: Record<string, string>,
  field: string,
  value: string,
  max: number,
): void {
  if (value.length > max) problems[field] = atMost(max);
}

/**
 * "Keep the title to 300 characters or fewer." when `value` is longer than `max`; `shown` is the
 * limit as the message writes it (some forms group its thousands, e.g. "20,000").
 */
export function keepWithin(
  what: string,
  value: string,
  max: number,
  shown = `${max}`,
): string | undefined {
  return value.length > max ? `Keep the ${what} to ${shown} characters or fewer.` : undefined;
}
