import { stat } from 'node:fs/promises';
import type { LiaisonClient } from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { TransferError } from '../failure.js';
import { createReporter, formatBytes } from '../progress.js';
import { terminalSafeJson } from '../terminal-text.js';
import { parseCommand, UsageError } from '../usage.js';

export async function submit(args: string[], io: Io): Promise<void> {
  const { values, positionals: paths } = parseCommand('submit', args, {
    to: { type: 'string' },
    register: { type: 'string' },
    from: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    'accept-ipr': { type: 'boolean' },
    attach: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const attached = (values.attach ?? []).map(parseAttach);
  if (paths.length === 0 && attached.length === 0) {
    throw new UsageError('name the files to submit (or --attach a document version)', 'submit');
  }
  for (const name of ['to', 'register', 'title'] as const) {
    if (!values[name]) throw new UsageError(`--${name} is required`, 'submit');
  }
  let total = 0;
  for (const path of paths) {
    const file = await stat(path);
    if (!file.isFile()) throw new UsageError(`${path} is not a file`, 'submit');
    total += file.size;
  }

  const client = await connect(io);
  const to = values.to!;
  const policy = await client.getIprPolicy(to);
  if (!values['accept-ipr']) {
    print(io.stdout, `IPR policy of ${to} (SHA-256 ${policy.sha256}):\n\n${policy.text}`);
    throw new UsageError(
      `a submission needs your acknowledgement of ${to}'s IPR policy: read it above and run the command again with --accept-ipr`,
      'submit',
    );
  }

  const attach = await Promise.all(
    attached.map(async ({ documentId, version }) => ({
      documentId,
      versionId: UUID.test(version) ? version : await versionIdOf(client, documentId, version),
    })),
  );
  const reporter = createReporter(io.stderr, `submit ${paths.length} file(s)`, total);
  const { submission, sentSha256 } = await client
    .createSubmission({
      register: values.register!,
      to,
      ...(values.from ? { from: values.from } : {}),
      title: values.title!,
      ...(values.description ? { description: values.description } : {}),
      acceptIpr: true,
      iprPolicySha256: policy.sha256,
      files: paths.map((path) => ({ path })),
      ...(attach.length > 0 ? { attach } : {}),
      onProgress: (sent) => reporter.update(sent),
    })
    .catch((error: unknown) => {
      reporter.abort();
      throw error;
    });
  reporter.done();

  // Attached versions are copied by the server; only the files sent are compared.
  const uploaded = submission.files.filter((file) => file.copiedFrom === null);
  const stored = uploaded.map((file) => file.sha256).sort();
  if (stored.join() !== [...sentSha256].sort().join()) {
    throw new TransferError(
      `submission ${submission.id} stored files with SHA-256 ${stored.join(', ')}, but the files sent have ${sentSha256.join(', ')}: the bytes changed on the way; withdraw it and submit again`,
    );
  }
  if (values.json) {
    print(io.stdout, terminalSafeJson(submission));
    return;
  }
  print(
    io.stdout,
    [
      `Submitted ${submission.reference} "${submission.title}" from ${submission.from.slug} to ${submission.to.slug} under ${submission.register.slug}: ${submission.id} (${submission.state})`,
      ...submission.files.map(
        (file) =>
          `  sha256 ${file.sha256}  ${formatBytes(file.size).padStart(10)}  ${file.filename}${file.copiedFrom ? ' (copy of a Liaison document version)' : ''}`,
      ),
      '(the SHA-256 of every file sent matches the local one)',
    ].join('\n'),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--attach <document-id>@<version>`: the version by its id or its label. */
function parseAttach(value: string): { documentId: string; version: string } {
  const at = value.indexOf('@');
  const documentId = value.slice(0, at);
  const version = value.slice(at + 1);
  if (at < 0 || !UUID.test(documentId) || version === '') {
    throw new UsageError(
      `--attach takes <document-id>@<version> (the version's id or label), not '${value}'`,
      'submit',
    );
  }
  return { documentId, version };
}

async function versionIdOf(
  client: LiaisonClient,
  documentId: string,
  label: string,
): Promise<string> {
  const document = await client.getDocument(documentId);
  const version = document.versions.find(
    (candidate) => candidate.label === label && candidate.withdrawn === null,
  );
  if (!version) {
    throw new UsageError(`${document.identifier} has no version '${label}'`, 'submit');
  }
  return version.id;
}
