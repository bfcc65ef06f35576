import { writeFile } from 'node:fs/promises';
import type { LiaisonClient, Review } from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { terminalSafe, terminalSafeJson } from '../terminal-text.js';
import { parseCommand, runSubcommand, UsageError } from '../usage.js';
import { documentRef } from './show.js';

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** The review an export is of when none is named: the open one, else the latest. */
export function defaultReview(reviews: readonly Review[]): Review | undefined {
  return reviews.find((review) => review.state === 'open') ?? reviews[0];
}

async function reviewOf(client: LiaisonClient, ref: string, reviewId: string | undefined) {
  const document = await client.getDocumentByRef(ref);
  if (reviewId !== undefined) {
    const review = await client.getReview(reviewId);
    if (review.document.id !== document.id) {
      throw new UsageError(`review ${reviewId} is not a review of ${ref}`, 'comments');
    }
    return review;
  }
  const review = defaultReview((await client.listDocumentReviews(document.id)).items);
  if (!review) throw new UsageError(`${ref} has no review you may read`, 'comments');
  return review;
}

/** `liaison comments export`: a review's resolution log as CSV or JSON. */
async function exportLog(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('comments', args, {
    review: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError(`unexpected ${positionals[1]}`, 'comments');
  const ref = documentRef('comments', positionals[0]);
  const format = values.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) {
    throw new UsageError('--format must be csv or json', 'comments');
  }
  const client = await connect(io);
  const review = await reviewOf(client, ref, values.review);
  const text =
    format === 'csv'
      ? await client.downloadResolutionLogCsv(review.id)
      : `${JSON.stringify(await client.getResolutionLog(review.id), null, 2)}\n`;
  if (values.output !== undefined) {
    try {
      await writeFile(values.output, text, { flag: values.force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new UsageError(
        `${values.output} already exists; pass --force to overwrite it`,
        'comments',
      );
    }
    print(io.stderr, `Saved the log of "${review.title}" to ${values.output}`);
    return;
  }
  // A terminal gets the text made safe; a pipe gets it exactly as the API wrote it.
  if (!io.stdout.isTTY) io.stdout.write(text);
  else if (format === 'json') print(io.stdout, terminalSafeJson(JSON.parse(text)));
  else print(io.stdout, terminalSafe(text));
}

/** `liaison comments export`: review comments and their dispositions. */
export async function comments(args: string[], io: Io): Promise<void> {
  await runSubcommand('comments', { export: exportLog }, args, io);
}
