import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { createTempDataDir, findFreePort } from '@liaison/embedded-stack';
import { createS3Storage } from '@liaison/storage';
import { expect, it } from 'vitest';
import { s3InChildProcess } from './s3-process.js';

// Every transfer figure of `npm run bench` is measured against the store in this child process: it
// must serve S3 requests and go away with the bench.
it('serves S3 from a child process of its own, which stop() ends', async () => {
  const dataDir = await createTempDataDir('liaison-s3-process');
  const s3 = s3InChildProcess({ dataDir, port: await findFreePort() });
  try {
    await s3.start();
    const pid = s3.pid;
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    const { endpoint, accessKey, secretKey, region } = s3;
    const storage = createS3Storage({ endpoint, accessKey, secretKey, region, bucket: 'probe' });
    await storage.ensureBucket();
    await storage.putStream('probe/a.txt', Readable.from([Buffer.from('stored apart')]), {
      contentType: 'text/plain',
    });
    expect(await text(await storage.getStream('probe/a.txt'))).toBe('stored apart');

    await s3.stop();
    expect(s3.pid).toBeUndefined();
    expect(() => process.kill(pid as number, 0)).toThrow();
  } finally {
    await s3.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
