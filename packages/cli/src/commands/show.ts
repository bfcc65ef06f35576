import type { Document } from '@liaison/client';
import { parseDocumentRef } from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { formatBytes } from '../progress.js';
import { table } from '../table.js';
import { terminalSafeJson } from '../terminal-text.js';
import { parseCommand, UsageError } from '../usage.js';

/** The document a command names, with the reference checked before anything is asked. */
export function documentRef(command: string, ref: string | undefined): string {
  if (!ref)
    throw new UsageError('name the document: its id or <organization>/<identifier>', command);
  if (!parseDocumentRef(ref)) {
    throw new UsageError(
      `${ref} is neither a document id nor <organization>/<identifier> (e.g. ofa/OFA-FAB-1)`,
      command,
    );
  }
  return ref;
}

function describe(document: Document): string {
  const allowed = Object.entries(document.permissions)
    .filter(([, allowed]) => allowed)
    .map(([action]) => action);
  const fields: Array<[string, string]> = [
    ['id', document.id],
    ['status', document.status],
    ['visibility', document.visibility],
    ['registers', document.registers.join(', ') || '-'],
    ['created', document.createdAt],
    ['updated', document.updatedAt],
    ['you may', allowed.join(', ') || 'read'],
  ];
  if (document.abstract) fields.push(['abstract', document.abstract.replace(/\s+/g, ' ')]);
  const lines = [
    `${document.organization}/${document.identifier}: ${document.title}`,
    ...fields.map(([name, value]) => `  ${name.padEnd(11)}${value}`),
    '',
  ];
  if (document.versions.length === 0) {
    lines.push('No versions yet.');
  } else {
    lines.push(
      table(
        ['VERSION', 'SIZE', 'UPLOADED', 'BY', 'SHA-256', 'FILE'],
        document.versions.map((v) => [
          v.withdrawn ? `${v.label} (withdrawn: ${v.withdrawn.reason})` : v.label,
          formatBytes(v.size),
          v.createdAt.slice(0, 16).replace('T', ' '),
          v.createdBy ?? '-',
          v.sha256,
          v.filename,
        ]),
      ),
    );
  }
  return lines.join('\n');
}

export async function show(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('show', args, { json: { type: 'boolean' } });
  if (positionals.length > 1) throw new UsageError(`unexpected ${positionals[1]}`, 'show');
  const ref = documentRef('show', positionals[0]);
  const document = await (await connect(io)).getDocumentByRef(ref);
  print(io.stdout, values.json ? terminalSafeJson(document) : describe(document));
}
