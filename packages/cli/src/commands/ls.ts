import type { DocumentListQuery, DocumentSummary } from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { table, truncate } from '../table.js';
import { terminalSafeJson } from '../terminal-text.js';
import { parseCommand, UsageError } from '../usage.js';

const DEFAULT_LIMIT = 50;
const PAGE_SIZE = 100;

export async function ls(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('ls', args, {
    org: { type: 'string' },
    status: { type: 'string' },
    visibility: { type: 'string' },
    register: { type: 'string' },
    query: { type: 'string', short: 'q' },
    limit: { type: 'string' },
    all: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}`, 'ls');
  if (values.all && values.limit !== undefined) {
    throw new UsageError('--limit and --all exclude each other', 'ls');
  }
  const limit = values.all ? Number.POSITIVE_INFINITY : Number(values.limit ?? DEFAULT_LIMIT);
  if (!values.all && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError('--limit must be a whole number of at least 1', 'ls');
  }
  // The values go to the API as they are: it validates them against its own schema.
  const query = {
    ...(values.org ? { organization: values.org } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.visibility ? { visibility: values.visibility } : {}),
    ...(values.register ? { register: values.register } : {}),
    ...(values.query ? { q: values.query } : {}),
    limit: Math.min(PAGE_SIZE, limit + 1),
  } as DocumentListQuery;

  const client = await connect(io);
  const documents: DocumentSummary[] = [];
  let more = false;
  for await (const document of client.documents(query)) {
    if (documents.length === limit) {
      more = true;
      break;
    }
    documents.push(document);
  }

  if (values.json) {
    print(io.stdout, terminalSafeJson(documents));
    return;
  }
  if (documents.length === 0) {
    print(io.stdout, 'No documents match.');
    return;
  }
  print(
    io.stdout,
    table(
      ['DOCUMENT', 'TITLE', 'STATUS', 'VISIBILITY', 'LATEST', 'UPDATED'],
      documents.map((d) => [
        `${d.organization}/${d.identifier}`,
        truncate(d.title, 48),
        d.status,
        d.visibility,
        d.latestVersion?.label ?? '-',
        d.updatedAt.slice(0, 10),
      ]),
    ),
  );
  if (more) {
    io.stderr.write(`(first ${limit} shown: --limit <n> or --all for more)\n`);
  }
}
