import type { ParseArgsConfig } from 'node:util';
import { type Io, print } from './context.js';
import { terminalSafeJson } from './terminal-text.js';
import { parseCommand, UsageError } from './usage.js';

const DEFAULT_LIMIT = 50;
const PAGE_SIZE = 100;

/** The options every listing takes: how many items (`--limit`, `--all`), and `--json`. */
const LISTING_OPTIONS = {
  limit: { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/**
 * A listing's command line: its own `options` and every listing's, and no positional argument;
 * with how many items it shows.
 */
export function parseListing<const T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  const { values, positionals } = parseCommand(command, args, { ...options, ...LISTING_OPTIONS });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}`, command);
  return { values, limit: listingLimit(values, command) };
}

/** How many items a listing shows: `--limit <n>` (50 when not given), or every one with `--all`. */
function listingLimit(values: { limit?: string; all?: boolean }, command: string): number {
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
async function firstItems<Item>(
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

/**
 * Prints the first `limit` items of a listing: as JSON with `--json`, otherwise as the table
 * `table` makes of them (or `none` when there are none), saying after it when there were more.
 */
export async function printListing<Item>(
  io: Io,
  items: AsyncIterable<Item>,
  listing: { limit: number; json?: boolean; none: string; table: (shown: Item[]) => string },
): Promise<void> {
  const { shown, more } = await firstItems(items, listing.limit);
  if (listing.json) {
    print(io.stdout, terminalSafeJson(shown));
    return;
  }
  if (shown.length === 0) {
    print(io.stdout, listing.none);
    return;
  }
  print(io.stdout, listing.table(shown));
  if (more) io.stderr.write(`(first ${listing.limit} shown: --limit <n> or --all for more)\n`);
}
