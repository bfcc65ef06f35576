import { randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import { actingOrganization, organizationsGrantingRead, UnprocessableError } from '@liaison/core';
import {
  type DocumentRecord,
  findOrganization,
  findUserById,
  type Pool,
  type VersionRecord,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import type { RequestContext } from '../request-context.js';
import { subjectOf } from './document-view.js';
import { stampWatermark } from './stamp-watermark.js';
import { stampingTurns } from './stamping-slots.js';

export interface WatermarkDependencies {
  pool: Pool;
  storage: ObjectStorage;
  /** Largest PDF stamped (WATERMARK_MAX_BYTES). */
  watermarkMaxBytes: number;
}

// Crockford's base32: no I, L, O or U, so an id read off a printed page is not misread.
const DOWNLOAD_ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short id for one stamped copy, printed on it and recorded in its audit event (50 bits). */
export function newDownloadId(): string {
  return Array.from({ length: 10 }, () => DOWNLOAD_ID_ALPHABET[randomInt(32)]).join('');
}

/**
 * The reader's own copy of a PDF: stamped on every page with their name, organization, e-mail,
 * today's date and a new download id. A file over the stamping limit, or one that cannot be
 * stamped, is refused: a document requiring watermarks never gives its PDFs out unstamped.
 */
export async function openWatermarkedCopy(
  deps: WatermarkDependencies,
  context: RequestContext,
  record: DocumentRecord,
  version: VersionRecord,
): Promise<{ body: Readable; downloadId: string }> {
  if (version.size > deps.watermarkMaxBytes) {
    throw new UnprocessableError(
      `This PDF is larger than the ${deps.watermarkMaxBytes} bytes that can be watermarked, and the document requires watermarks for readers outside its organization`,
      'watermark_too_large',
    );
  }
  const { userId, email } = context.actor;
  const reader = userId ? await findUserById(deps.pool, userId) : undefined;
  const slug = actingOrganization(context.actor, organizationsGrantingRead(subjectOf(record)));
  const organization = slug ? await findOrganization(deps.pool, slug) : undefined;
  const downloadId = newDownloadId();
  // The file stays in memory until its copy is written out: the turn lasts as long as the stream.
  const release = await stampingTurns.acquire();
  try {
    const bytes = await deps.storage.getBytes(version.storageKey, version.size);
    const body = await stampWatermark(bytes, {
      name: reader?.name ?? '-',
      organization: organization?.name ?? slug ?? '-',
      email: email ?? '-',
      date: new Date().toISOString().slice(0, 10),
      downloadId,
    });
    body.once('close', release);
    return { body, downloadId };
  } catch (error) {
    release();
    throw error;
  }
}
