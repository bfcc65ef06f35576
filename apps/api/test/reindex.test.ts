// `npm run reindex` extracts the text of every version again, whatever its state.
import { markVersionTextMissing, readVersionText } from '@liaison/db';
import { describe, expect, inject, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument } from './factories.js';
import { runApiCli } from './reap-cli.js';
import { useApi } from './signed-in-api.js';
import { pdfWithPages } from './text-files.js';

const started = useApi();

describe('npm run reindex', () => {
  it('re-extracts every version, reporting progress and a summary', async () => {
    const editor = await TestClient.signIn(started.api.url, 'editor@ofa.example');
    const { id } = await createDocument(editor, { organization: 'ofa' });
    const pdf = await editor.upload(
      id,
      '1',
      new Blob([await pdfWithPages([['reindexed words'], ['second page']])], {
        type: 'application/pdf',
      }),
    );
    const image = await editor.upload(id, '2', 'not text', 'figure.png', 'image/png');
    const pdfId = pdf.body.id as string;
    // As if an older extractor had failed on it.
    await markVersionTextMissing(started.api.pool, pdfId, 'failed', 'unreadable PDF');

    const run = await runApiCli(
      'reindex.ts',
      {
        ...inject('stack'),
        DATABASE_URL: started.api.config.databaseUrl,
        S3_BUCKET: started.api.config.s3.bucket,
      },
      ['--json'],
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('reindex: 0/2 versions');
    expect(run.stderr).toContain('reindex: 2/2 versions');
    expect(JSON.parse(run.stdout)).toEqual({
      total: 2,
      extracted: 1,
      failed: 0,
      unsupported: 1,
      gone: 0,
    });
    const text = await readVersionText(started.api.pool, pdfId);
    expect(text?.status).toBe('extracted');
    expect(text?.pages.map((page) => page.body)).toEqual([
      expect.stringContaining('reindexed words'),
      expect.stringContaining('second page'),
    ]);
    expect((await readVersionText(started.api.pool, image.body.id as string))?.status).toBe(
      'unsupported',
    );
  });
});
