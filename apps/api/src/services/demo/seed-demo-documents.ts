import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { defaultWatermark } from '@liaison/core';
import {
  demoDocuments,
  findDocumentId,
  findUserByEmail,
  insertDocument,
  insertVersion,
  type Pool,
  replaceDocumentRegisters,
  withTransaction,
} from '@liaison/db';
import type { ObjectStorage } from '@liaison/storage';
import { queueTextExtraction } from '../content/queue-text-extraction.js';
import { versionStorageKey } from '../documents/storage-keys.js';
import { minimalPdf } from './minimal-pdf.js';

/**
 * Demo documents with real (small) PDF files, so the portal has something to show. Idempotent:
 * a document that already exists is left as it is.
 */
export async function seedDemoDocuments(deps: {
  pool: Pool;
  storage: ObjectStorage;
}): Promise<number> {
  let added = 0;
  for (const demo of demoDocuments) {
    if (await findDocumentId(deps.pool, demo.organization, demo.identifier)) continue;
    const editor = await findUserByEmail(deps.pool, `editor@${demo.organization}.example`);
    const documentId = await withTransaction(deps.pool, async (client) => {
      const id = await insertDocument(client, {
        organization: demo.organization,
        identifier: demo.identifier,
        title: demo.title,
        abstract: demo.abstract,
        status: demo.status,
        visibility: demo.visibility,
        watermark: defaultWatermark(demo.visibility),
        createdBy: editor?.id ?? null,
      });
      if (id) await replaceDocumentRegisters(client, id, demo.registers);
      return id;
    });
    // Another replica seeded it at the same moment.
    if (!documentId) continue;
    for (const label of demo.versions) {
      const versionId = randomUUID();
      const key = versionStorageKey(documentId, versionId);
      const pdf = minimalPdf([
        demo.title,
        `${demo.identifier} version ${label}`,
        demo.abstract.slice(0, 90),
      ]);
      const stored = await deps.storage.putStream(key, Readable.from([pdf]), {
        contentType: 'application/pdf',
      });
      await withTransaction(deps.pool, async (client) => {
        await insertVersion(client, {
          id: versionId,
          documentId,
          label,
          filename: `${demo.identifier}_${label}.pdf`,
          size: stored.size,
          mediaType: 'application/pdf',
          sha256: stored.sha256,
          storageKey: key,
          createdBy: editor?.id ?? null,
        });
        await queueTextExtraction(client, versionId);
      });
    }
    added++;
  }
  return added;
}
