import { PassThrough, type Readable } from 'node:stream';
import { allowDocument, organizationsOf, versionDownloadName } from '@liaison/core';
import {
  type DocumentRecord,
  findVersion,
  listReadableDocuments,
  type Pool,
  type VersionRecord,
} from '@liaison/db';
import { ZipFile } from 'yazl';
import { auditVersionRead } from '../documents/audit-version-read.js';
import { isWatermarkedFor, servedVersion, subjectOf } from '../documents/document-view.js';
import {
  openWatermarkedCopy,
  type WatermarkDependencies,
} from '../documents/open-watermarked-copy.js';
import type { RequestContext } from '../request-context.js';
import { findReadableRegister } from './register-view.js';

const PAGE = 100;

interface ZipEntry {
  name: string;
  record: DocumentRecord;
  version: VersionRecord;
}

/** Every document shared under the register that the caller may read, A to Z by identifier. */
async function readableSharedDocuments(
  pool: Pool,
  context: RequestContext,
  register: string,
): Promise<DocumentRecord[]> {
  const documents: DocumentRecord[] = [];
  let after: { sortKey: string; id: string } | undefined;
  for (;;) {
    const page = await listReadableDocuments(pool, {
      viewerOrganizations: organizationsOf(context.actor),
      register,
      sort: 'identifier',
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    documents.push(...page);
    const last = page[page.length - 1];
    if (page.length < PAGE || !last?.sortKey) break;
    after = { sortKey: last.sortKey, id: last.id };
  }
  // The SQL filter already applied the read rule; the policy has the last word all the same.
  return documents.filter((record) => allowDocument(context.actor, 'read', subjectOf(record)));
}

/** The current (newest not withdrawn) version of each, under its download name, each name once. */
async function zipEntries(
  pool: Pool,
  context: RequestContext,
  documents: DocumentRecord[],
): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  for (const record of documents) {
    if (!record.latestVersion) continue;
    const version = servedVersion(
      context.actor,
      record,
      await findVersion(pool, record.id, record.latestVersion.id),
    );
    const downloadName = versionDownloadName(record.identifier, version.label, version.filename);
    // Two organizations may use the same identifier: the second is told apart by its owner.
    const name = names.has(downloadName) ? `${record.organization}-${downloadName}` : downloadName;
    names.add(name);
    entries.push({ name, record, version });
  }
  return entries;
}

/**
 * The caller's copy of one file, audited like a single download: a stamped copy where the
 * document requires watermarks for them (never the stored bytes), else the stored file.
 */
async function openEntry(
  deps: WatermarkDependencies,
  context: RequestContext,
  { record, version }: ZipEntry,
): Promise<Readable> {
  if (isWatermarkedFor(context.actor, record, version)) {
    const copy = await openWatermarkedCopy(deps, context, record, version);
    await auditVersionRead(deps.pool, context, record, version, 'version.download', {
      downloadId: copy.downloadId,
      zip: true,
    }).catch((error: unknown) => {
      copy.body.destroy();
      throw error;
    });
    return copy.body;
  }
  const body = await deps.storage.getStream(version.storageKey);
  if (record.visibility !== 'public') {
    await auditVersionRead(deps.pool, context, record, version, 'version.download', {
      zip: true,
    }).catch((error: unknown) => {
      body.destroy();
      throw error;
    });
  }
  return body;
}

/**
 * GET /registers/:slug/files.zip: the current version of every document shared under the
 * register that the caller may read, as one zip written while it is sent. Each file is opened
 * only when its turn comes, so one S3 object (or one stamped copy) is open at a time; nothing is
 * held whole but a PDF being stamped. A file that fails mid-way ends the download (the zip is
 * left without its directory, which unzip tools report), never a zip quietly missing a file.
 */
export async function openRegisterFilesZip(
  deps: WatermarkDependencies,
  context: RequestContext,
  slug: string,
): Promise<{ slug: string; body: Readable; files: number }> {
  const register = await findReadableRegister(deps.pool, context.actor, slug);
  const entries = await zipEntries(
    deps.pool,
    context,
    await readableSharedDocuments(deps.pool, context, register.slug),
  );
  const zip = new ZipFile();
  const body = new PassThrough();
  let current: Readable | undefined;
  // A caller who goes away frees the file being read (and its stamping turn).
  body.once('close', () => current?.destroy());
  zip.on('error', (error: Error) => body.destroy(error));
  zip.outputStream.on('error', (error: Error) => body.destroy(error));
  zip.outputStream.pipe(body);
  for (const entry of entries) {
    zip.addReadStreamLazy(
      entry.name,
      { mtime: new Date(entry.version.createdAt), compress: false },
      (callback) => {
        openEntry(deps, context, entry).then(
          (stream) => {
            current = stream;
            stream.once('error', (error: Error) => body.destroy(error));
            callback(null, stream);
          },
          (error: unknown) => callback(error, undefined as unknown as Readable),
        );
      },
    );
  }
  zip.end();
  return { slug: register.slug, body, files: entries.length };
}
