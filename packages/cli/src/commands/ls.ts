import type { DocumentListQuery } from '@liaison/client';
import { connect, type Io } from '../context.js';
import { pageSizeFor, parseListing, printListing } from '../listing.js';
import { table, truncate } from '../table.js';

export async function ls(args: string[], io: Io): Promise<void> {
  const { values, limit } = parseListing('ls', args, {
    org: { type: 'string' },
    status: { type: 'string' },
    visibility: { type: 'string' },
    register: { type: 'string' },
    query: { type: 'string', short: 'q' },
  });
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
  await printListing(io, client.documents(query), {
    limit,
    json: values.json,
    none: 'No documents match.',
    table: (documents) =>
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
  });
}
