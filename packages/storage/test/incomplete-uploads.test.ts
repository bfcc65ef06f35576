import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as Minio from 'minio';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IncompleteUpload } from '../src/index.js';
import { MiB, serverForFile } from './helpers.js';

const s3 = serverForFile();
let minio: Minio.Client;
beforeAll(() => {
  const endpoint = new URL(s3.server.s3.endpoint);
  minio = new Minio.Client({
    endPoint: endpoint.hostname,
    port: Number(endpoint.port),
    useSSL: false,
    accessKey: s3.server.s3.accessKey,
    secretKey: s3.server.s3.secretKey,
    region: s3.server.s3.region,
  });
});

/** Starts a multipart upload of `key` and sends it `parts` parts, never completing it. */
async function startUpload(key: string, parts: number): Promise<string> {
  const uploadId = await minio.initiateNewMultipartUpload(s3.storage.bucket, key, {});
  for (let partNumber = 1; partNumber <= parts; partNumber += 1) {
    await minio.uploadPart(
      {
        bucketName: s3.storage.bucket,
        objectName: key,
        uploadID: uploadId,
        partNumber,
        headers: {},
      },
      Buffer.alloc(MiB, partNumber),
    );
  }
  return uploadId;
}

async function listed(olderThan: Date): Promise<IncompleteUpload[]> {
  const uploads: IncompleteUpload[] = [];
  for await (const upload of s3.storage.listIncompleteUploads(olderThan)) uploads.push(upload);
  return uploads;
}

/** Every file the server keeps for uploads in progress, in any bucket. */
async function uploadFilesOnDisk(): Promise<string[]> {
  const entries = await readdir(s3.server.dataDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && join(entry.parentPath).includes('._S3rver_uploads'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('multipart uploads nobody completed', () => {
  it('are listed by age and aborted, leaving no part on disk', async () => {
    const inFuture = new Date(Date.now() + 60_000);
    const first = await startUpload('incomplete/first.bin', 2);
    const second = await startUpload('incomplete/second.bin', 1);
    expect(await uploadFilesOnDisk()).not.toEqual([]);

    const all = await listed(inFuture);
    expect(all.map(({ key, uploadId }) => ({ key, uploadId }))).toEqual([
      { key: 'incomplete/first.bin', uploadId: first },
      { key: 'incomplete/second.bin', uploadId: second },
    ]);
    expect(all.every((upload) => upload.initiated.getTime() <= Date.now())).toBe(true);
    // Uploads younger than the threshold are not listed: they may be in progress.
    expect(await listed(new Date(Date.now() - 60_000))).toEqual([]);

    for (const upload of all) await s3.storage.abortIncompleteUpload(upload);
    expect(await listed(inFuture)).toEqual([]);
    expect(await uploadFilesOnDisk()).toEqual([]);
    // Aborting again, or an upload that never existed, is no error.
    await s3.storage.abortIncompleteUpload({ key: 'incomplete/first.bin', uploadId: first });
    await s3.storage.abortIncompleteUpload({ key: 'incomplete/x.bin', uploadId: 'f'.repeat(32) });
  });

  it('are aborted one by one: another upload keeps its parts', async () => {
    const doomed = await startUpload('incomplete/doomed.bin', 1);
    const kept = await startUpload('incomplete/kept.bin', 1);
    // The upload id must match its key: another key's id aborts nothing.
    await s3.storage.abortIncompleteUpload({ key: 'incomplete/kept.bin', uploadId: doomed });
    await s3.storage.abortIncompleteUpload({ key: 'incomplete/doomed.bin', uploadId: doomed });
    const left = await listed(new Date(Date.now() + 60_000));
    expect(left.map((upload) => upload.uploadId)).toEqual([kept]);
    expect((await uploadFilesOnDisk()).some((file) => file.includes(kept))).toBe(true);
    expect((await uploadFilesOnDisk()).some((file) => file.includes(doomed))).toBe(false);
  });

  it('are listed across pages: more than the 1000 one listing answers', async () => {
    const count = 1001;
    const started: string[] = [];
    const starters = Array.from({ length: 16 }, async (_, worker) => {
      for (let i = worker; i < count; i += 16) {
        // Two uploads of one key on every page boundary's side: the upload id orders them.
        const key = `paged/${String(Math.floor(i / 2)).padStart(4, '0')}.bin`;
        started.push(await minio.initiateNewMultipartUpload(s3.storage.bucket, key, {}));
      }
    });
    await Promise.all(starters);
    const all = (await listed(new Date(Date.now() + 60_000))).filter((upload) =>
      upload.key.startsWith('paged/'),
    );
    expect(all.map((upload) => upload.uploadId).sort()).toEqual([...started].sort());
    for (const upload of all) await s3.storage.abortIncompleteUpload(upload);
    const left = new Set(started);
    expect((await uploadFilesOnDisk()).filter((file) => left.has(file.split('/').at(-2)!))).toEqual(
      [],
    );
  });
});
