import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type Document,
  type DocumentVersion,
  type LiaisonClient,
  versionDownloadName,
} from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { TransferError } from '../failure.js';
import { createReporter, formatBytes } from '../progress.js';
import { terminalSafe } from '../terminal-text.js';
import { parseCommand, UsageError } from '../usage.js';
import { documentRef } from './show.js';

function chooseVersion(document: Document, label: string | undefined): DocumentVersion {
  const name = `${document.organization}/${document.identifier}`;
  if (label !== undefined) {
    const version = document.versions.find((v) => v.label === label);
    if (!version) {
      const labels = document.versions.map((v) => v.label).join(', ') || 'none';
      throw new UsageError(`${name} has no version ${label} (its versions: ${labels})`, 'pull');
    }
    return version;
  }
  const latest = document.versions.find((v) => v.withdrawn === null);
  if (!latest) throw new UsageError(`${name} has no version to download yet`, 'pull');
  return latest;
}

/**
 * The server's name for a file reduced to a plain name in the current directory: no directories,
 * no dot-file (a name like "../../.bashrc" becomes "bashrc"), no control characters.
 */
function safeFileName(serverName: string, fallback: string): string {
  const last = serverName.split(/[/\\]/).pop() ?? '';
  const name = terminalSafe(last)
    .replace(/[\t\n]/g, '')
    .trim()
    .replace(/^\.+/, '');
  return name || fallback;
}

interface Destination {
  path: string;
  /** The name came from the server (no -o, or -o a directory): an existing file is kept. */
  serverNamed: boolean;
}

/**
 * Where the file goes: -o as a file, -o as a directory to put it in, or here under its download
 * name, `<identifier>_<version>.<ext>` as the portal's downloads name it.
 */
async function destination(
  output: string | undefined,
  document: Document,
  version: DocumentVersion,
): Promise<Destination> {
  const name = safeFileName(
    versionDownloadName(document.identifier, version.label, version.filename),
    `version-${version.id}`,
  );
  if (output === undefined) return { path: name, serverNamed: true };
  if (output.endsWith('/')) return { path: join(output, name), serverNamed: true };
  const existing = await stat(output).catch(() => undefined);
  return existing?.isDirectory()
    ? { path: join(output, name), serverNamed: true }
    : { path: output, serverNamed: false };
}

function refuseOverwrite(path: string): never {
  throw new UsageError(
    `${path} already exists; pass --force to overwrite it, or -o <path> to save elsewhere`,
    'pull',
  );
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
  }
}

/**
 * Brings `<final>.part` up to the whole version and answers its SHA-256. What is already in the
 * .part file is kept and only the rest is asked for (a Range request), unless `resume` is false.
 */
async function fill(
  client: LiaisonClient,
  document: Document,
  version: DocumentVersion,
  part: string,
  resume: boolean,
  io: Io,
): Promise<{ sha256: string; resumedAt: number }> {
  let hash = createHash('sha256');
  let offset = 0;
  const existing = resume ? await stat(part).catch(() => undefined) : undefined;
  if (existing?.isFile() && existing.size <= version.size) {
    await hashFile(part, hash);
    offset = existing.size;
  }
  if (offset < version.size || !existing) {
    const download = await client.downloadVersion(document.id, version.id, { offset });
    if (download.offset === 0 && offset > 0) {
      // The range was not honoured: the whole file is coming, so start the .part file afresh.
      hash = createHash('sha256');
      offset = 0;
    } else if (download.offset !== offset) {
      throw new TransferError(
        `the API sent bytes from ${download.offset} on when asked for ${offset}; run the command again`,
      );
    }
    if (offset > 0)
      io.stderr.write(`Resuming at ${formatBytes(offset)} of ${formatBytes(version.size)}\n`);
    const reporter = createReporter(
      io.stderr,
      `pull ${basename(part, '.part')}`,
      version.size,
      offset,
    );
    let received = offset;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        received += chunk.length;
        reporter.update(received);
        callback(null, chunk);
      },
    });
    await pipeline(
      download.body,
      hashing,
      createWriteStream(part, { flags: offset > 0 ? 'a' : 'w', mode: 0o644 }),
    ).catch((error: unknown) => {
      reporter.abort();
      throw error;
    });
    reporter.done();
  }
  // On disk for good before it gets its final name.
  const handle = await open(part, 'r+');
  await handle.sync().finally(() => handle.close());
  return { sha256: hash.digest('hex'), resumedAt: offset };
}

export async function pull(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('pull', args, {
    version: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError(`unexpected ${positionals[1]}`, 'pull');
  const ref = documentRef('pull', positionals[0]);
  const client = await connect(io);
  const document = await client.getDocumentByRef(ref);
  const version = chooseVersion(document, values.version);
  const { path: final, serverNamed } = await destination(values.output, document, version);
  const keepExisting = serverNamed && !values.force;
  if (keepExisting && (await stat(final).catch(() => undefined))) refuseOverwrite(final);
  const part = `${final}.part`;

  let result = await fill(client, document, version, part, true, io);
  if (result.sha256 !== version.sha256 && result.resumedAt > 0) {
    // The kept bytes were not this version's (another download to the same name): start over.
    print(io.stderr, `${part} did not match this version; downloading it again from the start`);
    await rm(part, { force: true });
    result = await fill(client, document, version, part, false, io);
  }
  if (result.sha256 !== version.sha256) {
    await rm(part, { force: true });
    throw new TransferError(
      `the download has SHA-256 ${result.sha256}, not the stored ${version.sha256}: it was corrupted on the way; run the command again`,
    );
  }
  if (keepExisting) {
    // link() never replaces a file: one that appeared meanwhile is kept all the same.
    await link(part, final).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') refuseOverwrite(final);
      throw error;
    });
    await rm(part);
  } else {
    await rename(part, final);
  }
  print(
    io.stdout,
    `Pulled ${document.organization}/${document.identifier} version ${version.label} to ${final} (${formatBytes(version.size)})\n` +
      `sha256 ${version.sha256} (verified)`,
  );
}
