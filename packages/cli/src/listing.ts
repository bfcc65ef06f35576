import type { Io } from './context.js';
import { UsageError } from './usage.js';

const DEFAULT_LIMIT = 50;
const PAGE_SIZE = 100;

/** How many items a listing shows: `--limit <n>` (50 when not given), or every one with `--all`. */
export function listingLimit(values: { limit?: string; all?: boolean }, command: string): number {
  if (values.all && values.limit !== undefined) {
    throw new UsageError('--limit and --all exclude each other', command);
  }
  const limit = values.all ? Number.POSITIVE_INFINITY : Number(values.limit ?? DEFAULT_LIMIT);
  if (!values.all && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError('--limit must be a whole number of at least 1', command);
  }
  return limit;
}

/** The page size to ask the API for: one item beyond `limit` tells whether there are more. */
export function pageSizeFor(limit: number): number {
  return Math.min(PAGE_SIZE, limit + 1);
}

/** The first `limit` items of a listing, and whether it had more (it is not read beyond those). */
export async function firstItems<Item>(
  items: AsyncIterable<Item>,
  limit: number,
): Promise<{ shown: Item[]; more: boolean }> {
  const shown: Item[] = [];
  for await (const item of items) {
    if (shown.length === limit) return { shown, more: true };
    shown.push(item);
  }
  return { shown, more: false };
}

/** Says, after the table, that it shows only the first `limit` items. */
export function noteMoreItems(io: Io, limit: number): void {
  io.stderr.write(`(first ${limit} shown: --limit <n> or --all for more)\n`);
}
