import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type CreateDocumentBody,
  type Document,
  LiaisonApiError,
  type LiaisonClient,
  parseDocumentRef,
} from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { TransferError } from '../failure.js';
import { createReporter, formatBytes } from '../progress.js';
import { terminalSafeJson } from '../terminal-text.js';
import { parseCommand, UsageError } from '../usage.js';
import { documentRef } from './show.js';

const CREATE_ONLY = ['title', 'status', 'visibility', 'register', 'abstract'] as const;

/** The document to push to; with --create, made first when it does not exist yet. */
async function target(
  client: LiaisonClient,
  ref: string,
  create: Omit<CreateDocumentBody, 'organization' | 'identifier'> | undefined,
  io: Io,
): Promise<Document> {
  try {
    return await client.getDocumentByRef(ref);
  } catch (error) {
    if (!(create && error instanceof LiaisonApiError && error.status === 404)) throw error;
  }
  const parsed = parseDocumentRef(ref);
  if (parsed?.kind !== 'identifier') {
    throw new UsageError('--create needs --doc <organization>/<identifier>, not an id', 'push');
  }
  const document = await client.createDocument({
    organization: parsed.organization,
    identifier: parsed.identifier,
    ...create,
  });
  io.stderr.write(`Created ${parsed.organization}/${parsed.identifier} (${document.visibility})\n`);
  return document;
}

export async function push(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('push', args, {
    doc: { type: 'string' },
    label: { type: 'string' },
    note: { type: 'string' },
    create: { type: 'boolean' },
    title: { type: 'string' },
    status: { type: 'string' },
    visibility: { type: 'string' },
    register: { type: 'string', multiple: true },
    abstract: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [path, extra] = positionals;
  if (!path) throw new UsageError('name the file to upload', 'push');
  if (extra) throw new UsageError(`unexpected ${extra}: push one file at a time`, 'push');
  const ref = documentRef('push', values.doc);
  if (!values.label)
    throw new UsageError('--label <label> is required, e.g. --label 1.2.0', 'push');
  const misplaced = CREATE_ONLY.find((name) => values[name] !== undefined);
  if (!values.create && misplaced) {
    throw new UsageError(`--${misplaced} is only used with --create`, 'push');
  }
  if (values.create && !values.title) {
    throw new UsageError('--create needs --title <title>', 'push');
  }
  const file = await stat(path);
  if (!file.isFile()) throw new UsageError(`${path} is not a file`, 'push');

  const create = values.create
    ? ({
        title: values.title!,
        status: values.status ?? 'work-in-progress',
        visibility: values.visibility ?? 'organization',
        ...(values.register ? { registers: values.register } : {}),
        ...(values.abstract ? { abstract: values.abstract } : {}),
      } as Omit<CreateDocumentBody, 'organization' | 'identifier'>)
    : undefined;

  const client = await connect(io);
  const document = await target(client, ref, create, io);
  const name = `${document.organization}/${document.identifier}`;
  const reporter = createReporter(io.stderr, `push ${basename(path)}`, file.size);
  const { version, sentSha256 } = await client
    .uploadVersion(document.id, {
      label: values.label,
      ...(values.note ? { changeNote: values.note } : {}),
      path,
      onProgress: (sent) => reporter.update(sent),
    })
    .catch((error: unknown) => {
      reporter.abort();
      throw error;
    });
  reporter.done();
  if (version.sha256 !== sentSha256) {
    throw new TransferError(
      `${name} version ${version.label} was stored with SHA-256 ${version.sha256}, but the file sent has ${sentSha256}: the bytes changed on the way; ask an admin to withdraw it and push again under a new label`,
    );
  }
  if (values.json) {
    print(io.stdout, terminalSafeJson(version));
    return;
  }
  print(
    io.stdout,
    `Pushed ${basename(path)} as ${name} version ${version.label} (${formatBytes(version.size)})\n` +
      `sha256 ${version.sha256} (matches the local file)`,
  );
}
