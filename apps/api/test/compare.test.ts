/**
 * Comparing two versions' text: word by word, page by page, with the read rules of the versions'
 * files. The text is written as the extraction job would (saveVersionText), so these tests do not
 * depend on the extractor.
 */
import { COMPARE_MAX_TEXT_CHARS, type VersionComparison } from '@liaison/core';
import { markVersionTextMissing, saveVersionText } from '@liaison/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { createDocument, uploadVersion } from './factories.js';

const demo = useApiWithDemoPeople();
const { as } = demo;
let documentId: string;
const ids: Record<string, string> = {};

const pages = (...bodies: string[]) => bodies.map((body, index) => ({ page: index + 1, body }));

const compare = (client: TestClient, from: string, to: string, document = documentId) =>
  client.json<VersionComparison>(
    'GET',
    `/api/v1/documents/${document}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );

beforeAll(async () => {
  ({ id: documentId } = await createDocument(as('editor@dmtf'), {
    organization: 'dmtf',
    visibility: 'organization',
    watermark: false,
  }));
  for (const label of ['0.9a', '0.9b', '0.9c', '0.9d']) {
    ids[label] = await uploadVersion(as('editor@dmtf'), documentId, label, `text of ${label}`);
  }
  await saveVersionText(
    demo.api.pool,
    ids['0.9a']!,
    pages(
      'The zoning section defines four zones.',
      'Page two does not change.',
      'A fabric adapter has ten ports.',
    ),
  );
  await saveVersionText(
    demo.api.pool,
    ids['0.9b']!,
    pages(
      'The zoning section defines five zones.',
      'Page two does not change.',
      'A fabric adapter has twelve ports and two links.',
      'A new appendix.',
    ),
  );
  // 0.9c keeps its text pending; 0.9d's extraction failed.
  await markVersionTextMissing(demo.api.pool, ids['0.9d']!, 'failed', 'encrypted PDF');
});

describe('compare two versions', () => {
  it('lists the word changes of each changed page, with the summary', async () => {
    const answer = await compare(as('member@dmtf'), ids['0.9a']!, ids['0.9b']!);
    expect(answer.status).toBe(200);
    const comparison = answer.body;
    expect(comparison.status).toBe('compared');
    expect(comparison.from).toMatchObject({ label: '0.9a', textStatus: 'extracted' });
    expect(comparison.to).toMatchObject({ label: '0.9b', textStatus: 'extracted' });
    expect(comparison.summary).toEqual({ changes: 4, pagesWithChanges: 3, pages: 4 });
    expect(comparison.truncated).toBe(false);
    expect(comparison.pages.map((page) => [page.page, page.changes])).toEqual([
      [1, 1],
      [3, 2],
      [4, 1],
    ]);
    const changed = (page: number, kind: 'added' | 'removed') =>
      comparison.pages
        .find((diff) => diff.page === page)!
        .parts.filter((part) => part.kind === kind)
        .map((part) => part.text.trim());
    expect(changed(1, 'removed')).toEqual(['four']);
    expect(changed(1, 'added')).toEqual(['five']);
    expect(changed(3, 'removed')).toEqual(['ten']);
    expect(changed(3, 'added')).toEqual(['twelve', 'and two links']);
    expect(changed(4, 'added')).toEqual(['A new appendix.']);
  });

  it('takes labels as well as ids', async () => {
    const byLabel = await compare(as('member@dmtf'), '0.9a', '0.9b');
    const byId = await compare(as('member@dmtf'), ids['0.9a']!, ids['0.9b']!);
    expect(byLabel.status).toBe(200);
    expect(byLabel.body).toEqual(byId.body);
  });

  it('says which text is missing instead of a diff', async () => {
    const pending = await compare(as('member@dmtf'), '0.9a', '0.9c');
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({
      status: 'text-missing',
      to: { label: '0.9c', textStatus: 'pending', textFailure: null },
      pages: [],
    });
    const failed = await compare(as('member@dmtf'), '0.9d', '0.9a');
    expect(failed.body).toMatchObject({
      status: 'text-missing',
      from: { label: '0.9d', textStatus: 'failed', textFailure: 'encrypted PDF' },
    });
  });

  it('answers 404 to a reader who may not read the document, as for a missing one', async () => {
    const hidden = await compare(as('member@ofa'), '0.9a', '0.9b');
    const anonymous = await compare(new TestClient(demo.api.url), '0.9a', '0.9b');
    const missing = await compare(
      as('member@dmtf'),
      '0.9a',
      '0.9b',
      '00000000-0000-4000-8000-000000000000',
    );
    expect([hidden.status, anonymous.status, missing.status]).toEqual([404, 404, 404]);
    expect(hidden.body).toEqual(missing.body);
    expect((await compare(as('member@dmtf'), '0.9a', '9.9')).status).toBe(404);
  });

  it("a withdrawn version compares only for those who may open its file (the owner's admins)", async () => {
    const { id } = await createDocument(as('editor@dmtf'), {
      organization: 'dmtf',
      watermark: false,
    });
    const first = await uploadVersion(as('editor@dmtf'), id, '1.0', 'one');
    await uploadVersion(as('editor@dmtf'), id, '1.1', 'two');
    const withdrawn = await as('admin@dmtf').json(
      'POST',
      `/api/v1/documents/${id}/versions/${first}/withdraw`,
      {
        reason: 'wrong file',
      },
    );
    expect(withdrawn.status).toBe(200);
    expect((await compare(as('member@dmtf'), '1.0', '1.1', id)).status).toBe(404);
    expect((await compare(as('admin@dmtf'), '1.0', '1.1', id)).status).toBe(200);
  });

  it('compares a bounded amount of text and says when it left some out', async () => {
    const { id } = await createDocument(as('editor@dmtf'), {
      organization: 'dmtf',
      watermark: false,
    });
    const from = await uploadVersion(as('editor@dmtf'), id, '1.0', 'long one');
    const to = await uploadVersion(as('editor@dmtf'), id, '2.0', 'long two');
    const words = 'alpha '.repeat(Math.ceil(COMPARE_MAX_TEXT_CHARS / 6) + 1000);
    await saveVersionText(demo.api.pool, from, pages(`start ${words}`));
    await saveVersionText(demo.api.pool, to, pages(`begin ${words}`, 'a page beyond the limit'));
    const answer = await compare(as('member@dmtf'), '1.0', '2.0', id);
    expect(answer.status).toBe(200);
    expect(answer.body.truncated).toBe(true);
    expect(answer.body.summary).toMatchObject({ changes: 1, pagesWithChanges: 1 });
    // Unchanged text is shortened to the context around the change.
    expect(JSON.stringify(answer.body).length).toBeLessThan(5_000);
  });
});
