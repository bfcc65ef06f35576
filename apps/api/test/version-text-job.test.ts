// A version's text is extracted by a background job queued with the version, never in the upload.
import { listJobs, readVersionText } from '@liaison/db';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { startJobRunner } from '../src/jobs/start-job-runner.js';
import { buildTaskList } from '../src/jobs/task-list.js';
import {
  EXTRACT_VERSION_TEXT,
  extractVersionText,
} from '../src/services/content/extract-version-text.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { createDocument } from './factories.js';
import { encryptedPdf, pdfWithPages } from './text-files.js';

const demo = useApiWithDemoPeople();
const { as } = demo;

async function upload(
  documentId: string,
  label: string,
  content: Uint8Array | string,
  filename = 'spec.pdf',
  type = 'application/pdf',
): Promise<{ status: number; id: string }> {
  const body = typeof content === 'string' ? content : new Blob([content], { type });
  const response = await as('editor@ofa').upload(documentId, label, body, filename, type);
  return { status: response.status, id: response.body.id as string };
}

/** The keys of the pending extraction jobs, in queue order. */
async function queuedExtractions(): Promise<string[]> {
  const jobs = await listJobs(demo.api.pool, { state: 'pending', limit: 10_000 });
  return jobs.filter((job) => job.task === EXTRACT_VERSION_TEXT).map((job) => job.key!);
}

describe('the extract-version-text job', () => {
  it('is queued exactly once by an upload, and not by a failed one; the upload leaves the text pending', async () => {
    const { id: documentId } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    const uploaded = await upload(documentId, '1.0', await pdfWithPages([['queued words']]));
    expect(uploaded.status).toBe(201);
    const queuedAfterUpload = await queuedExtractions();
    expect(queuedAfterUpload.filter((key) => key.endsWith(uploaded.id))).toEqual([
      `${EXTRACT_VERSION_TEXT}:${uploaded.id}`,
    ]);
    expect((await readVersionText(demo.api.pool, uploaded.id))?.status).toBe('pending');

    const duplicate = await upload(documentId, '1.0', 'another file');
    expect(duplicate.status).toBe(409);
    expect(await queuedExtractions()).toEqual(queuedAfterUpload);
  });

  it('saves the pages of a PDF with their numbers', async () => {
    const { id: documentId } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    const pdf = await pdfWithPages([['first page words'], ['the zoning section']]);
    const { id } = await upload(documentId, '0.9a', pdf);
    expect(await extractVersionText(demo.api, { versionId: id })).toBe('extracted');
    const text = await readVersionText(demo.api.pool, id);
    expect(text?.status).toBe('extracted');
    expect(text?.pages.map((page) => page.page)).toEqual([1, 2]);
    expect(text?.pages[1]?.body).toContain('zoning section');
  });

  it('marks an encrypted PDF failed with its reason, and an image unsupported', async () => {
    const { id: documentId } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    const locked = await upload(documentId, 'locked', encryptedPdf());
    expect(await extractVersionText(demo.api, { versionId: locked.id })).toBe('failed');
    expect(await readVersionText(demo.api.pool, locked.id)).toMatchObject({
      status: 'failed',
      failure: 'encrypted PDF',
      pages: [],
    });
    const image = await upload(documentId, 'figure', 'not text', 'figure.png', 'image/png');
    expect(await extractVersionText(demo.api, { versionId: image.id })).toBe('unsupported');
    expect((await readVersionText(demo.api.pool, image.id))?.status).toBe('unsupported');
  });

  it("is run by the API's job runner", async () => {
    const { id: documentId } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    const { id } = await upload(
      documentId,
      'run',
      'words for the runner',
      'notes.md',
      'text/markdown',
    );
    const log = Fastify({ logger: false }).log;
    const runner = await startJobRunner({
      pool: demo.api.pool,
      log,
      concurrency: 2,
      taskList: buildTaskList({
        pool: demo.api.pool,
        storage: demo.api.storage,
        log,
        config: demo.api.config,
        mailSender: undefined,
      }),
      cronItems: [],
    });
    try {
      const deadline = Date.now() + 60_000;
      while ((await readVersionText(demo.api.pool, id))?.status === 'pending') {
        if (Date.now() > deadline) throw new Error('the runner did not extract the text');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await runner.stop();
    }
    expect(await readVersionText(demo.api.pool, id)).toMatchObject({
      status: 'extracted',
      pages: [{ page: 1, body: 'words for the runner' }],
    });
    expect((await queuedExtractions()).filter((key) => key.endsWith(id))).toEqual([]);
  });

  it('does nothing for a version deleted before the job ran', async () => {
    const { id: documentId } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    const { id } = await upload(documentId, '1', 'plain words', 'notes.txt', 'text/plain');
    await demo.api.pool.query('delete from document_versions where id = $1', [id]);
    expect(await extractVersionText(demo.api, { versionId: id })).toBe('gone');
  });
});
