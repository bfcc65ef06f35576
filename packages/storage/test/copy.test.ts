import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ObjectNotFoundError } from '../src/index.js';
import { collect, serverForFile } from './helpers.js';

const s3 = serverForFile();

describe('copy', () => {
  it('copies an object inside the store, bytes, content type and metadata included', async () => {
    await s3.storage.putStream('copy/source.pdf', Readable.from(['%PDF-1.7 copy']), {
      contentType: 'application/pdf',
      size: 13,
    });
    await s3.storage.copy('copy/source.pdf', 'copy/target.pdf');

    expect((await collect(await s3.storage.getStream('copy/target.pdf'))).toString()).toBe(
      '%PDF-1.7 copy',
    );
    const target = await s3.storage.stat('copy/target.pdf');
    expect(target).toMatchObject({ size: 13, contentType: 'application/pdf' });
    // The source stays, and the copy carries its metadata.
    const source = await s3.storage.stat('copy/source.pdf');
    expect(source).toMatchObject({ size: 13 });
    expect(target?.metadata).toEqual(source?.metadata);
  });

  it('rejects with ObjectNotFoundError for a missing source, storing nothing', async () => {
    await expect(s3.storage.copy('copy/missing.pdf', 'copy/nothing.pdf')).rejects.toBeInstanceOf(
      ObjectNotFoundError,
    );
    expect(await s3.storage.stat('copy/nothing.pdf')).toBeUndefined();
  });

  it('refuses an invalid key before asking the store', async () => {
    await expect(s3.storage.copy('copy/source.pdf', '../escape')).rejects.toBeInstanceOf(TypeError);
  });
});
