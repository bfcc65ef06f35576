import { readFile, stat } from 'node:fs/promises';
import {
  type CreateStatementBody,
  LiaisonApiError,
  type LiaisonClient,
  type Statement,
} from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { TransferError } from '../failure.js';
import { createReporter } from '../progress.js';
import { terminalSafeJson } from '../terminal-text.js';
import { parseCommand, UsageError } from '../usage.js';

/** Repeated options and comma lists alike: `--to a --to b` or `--to a,b`. */
export function listOption(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Uploads every file to the draft with one progress bar; answers the draft as it ends up. */
async function attach(
  client: LiaisonClient,
  draft: Statement,
  files: Array<{ path: string; size: number }>,
  io: Io,
): Promise<Statement> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const reporter = createReporter(io.stderr, `attach ${files.length} file(s)`, total);
  let before = 0;
  let statement = draft;
  try {
    for (const file of files) {
      const uploaded = await client.uploadStatementAttachment(draft.id, {
        path: file.path,
        onProgress: (sent) => reporter.update(before + sent),
      });
      statement = uploaded.statement;
      if (!statement.attachments.some((a) => a.sha256 === uploaded.sentSha256)) {
        throw new TransferError(
          `${file.path} was sent with SHA-256 ${uploaded.sentSha256}, but the draft holds no attachment with it: the bytes changed on the way`,
        );
      }
      before += file.size;
    }
  } catch (error) {
    reporter.abort();
    throw error;
  }
  reporter.done();
  return statement;
}

/**
 * `liaison statements send`: a draft with its attachments, then sent. Sending is an admin's
 * approval; for an editor the API refuses it (403) and the draft waits for an admin, which is a
 * success here, not a failure.
 */
export async function sendStatement(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('statements', args, {
    register: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string', multiple: true },
    purpose: { type: 'string' },
    deadline: { type: 'string' },
    title: { type: 'string' },
    'body-file': { type: 'string' },
    attach: { type: 'string', multiple: true },
    'refers-to': { type: 'string', multiple: true },
    visibility: { type: 'string' },
    reference: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}`, 'statements');
  for (const name of ['register', 'purpose', 'title'] as const) {
    if (!values[name]) throw new UsageError(`--${name} is required`, 'statements');
  }
  const to = listOption(values.to);
  if (to.length === 0) throw new UsageError('--to <organization> is required', 'statements');
  const files: Array<{ path: string; size: number }> = [];
  for (const path of values.attach ?? []) {
    const file = await stat(path);
    if (!file.isFile()) throw new UsageError(`${path} is not a file`, 'statements');
    files.push({ path, size: file.size });
  }
  const body = values['body-file'] ? await readFile(values['body-file'], 'utf8') : undefined;
  const refersTo = listOption(values['refers-to']);

  // The values go to the API as they are: it validates them against its own schema.
  const request = {
    register: values.register!,
    ...(values.from ? { from: values.from } : {}),
    to,
    title: values.title!,
    purpose: values.purpose!,
    ...(values.deadline ? { deadline: values.deadline } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(values.visibility ? { visibility: values.visibility } : {}),
    ...(values.reference ? { senderReference: values.reference } : {}),
    ...(refersTo.length > 0 ? { refersTo } : {}),
  } as CreateStatementBody;

  const client = await connect(io);
  const draft = await client.createStatement(request);
  let statement: Statement;
  try {
    statement = files.length > 0 ? await attach(client, draft, files, io) : draft;
  } catch (error) {
    // A draft without the files asked for is not what was meant: discard it.
    await client.deleteStatement(draft.id).catch(() => undefined);
    throw error;
  }

  let awaitsApproval = false;
  try {
    statement = await client.sendStatement(draft.id);
  } catch (error) {
    if (!(error instanceof LiaisonApiError && error.status === 403)) {
      io.stderr.write(
        `The draft ${draft.id} was kept; an admin of ${draft.from.slug} may send it.\n`,
      );
      throw error;
    }
    awaitsApproval = true;
  }
  if (values.json) {
    print(io.stdout, terminalSafeJson(statement));
    return;
  }
  const summary = `"${statement.title}" from ${statement.from.slug} to ${statement.to.map((t) => t.slug).join(', ')} under ${statement.register.slug}`;
  print(
    io.stdout,
    awaitsApproval
      ? `Draft ${statement.id} saved: ${summary}. It awaits approval: an admin of ${statement.from.slug} sends it.`
      : `Sent ${statement.id}: ${summary}${statement.deadline ? `, answer due ${statement.deadline}` : ''}.`,
  );
}
