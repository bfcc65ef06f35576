import type { DocumentListQuery } from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { firstItems, listingLimit, noteMoreItems, pageSizeFor } from '../listing.js';
import { table, truncate } from '../table.js';
import { terminalSafeJson } from '../terminal-text.js';
import { parseCommand, UsageError } from '../usage.js';

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
  const limit = listingLimit(values, 'ls');
  // The values go to the API as they are: it validates them against its own schema.
  const query = {
    ...(values.org ? { organization: values.org } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.visibility ? { visibility: values.visibility } : {}),
    ...(values.register ? { register: values.register } : {}),
    ...(values.query ? { q: values.query } : {}),
    limit: pageSizeFor(limit),
  } as DocumentListQuery;

  const client = await connect(io);
  const { shown: documents, more } = await firstItems(client.documents(query), limit);

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
  if (more) noteMoreItems(io, limit);
}
