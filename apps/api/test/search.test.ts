// The library search finds words in the files' text as well as the metadata (issue 14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocument, uniqueIdentifier } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import { search, shown, uploadSearchablePdf } from './search-fixtures.js';

let api: RunningApi;
let editor: TestClient;
let admin: TestClient;

beforeAll(async () => {
  api = await startApi();
  editor = await TestClient.signIn(api.url, 'editor@ofa.example');
  admin = await TestClient.signIn(api.url, 'admin@ofa.example');
});

afterAll(async () => {
  await api.close();
});

describe('search inside files', () => {
  it('finds a word on its page, in the version, with the matched words highlighted', async () => {
    const { id } = await createDocument(editor, { organization: 'ofa' });
    await uploadSearchablePdf(api, editor, id, '0.9a', [
      ['Cover page'],
      ['Nothing here'],
      ['The quuxplorer attaches to every switch port'],
    ]);
    const { items } = await search(editor, 'quuxplorer');
    expect(items.map((item) => item.id)).toEqual([id]);
    expect(items[0]!.textMatch).toMatchObject({ versionLabel: '0.9a', page: 3 });
    expect(shown(items[0])).toContain('The [quuxplorer] attaches to every switch port');
  });

  it('tells a phrase from the same words apart, and finds words by prefix', async () => {
    const adjacent = await createDocument(editor, { organization: 'ofa' });
    await uploadSearchablePdf(api, editor, adjacent.id, '1', [['the flurbish gadget is here']]);
    const apart = await createDocument(editor, { organization: 'ofa' });
    await uploadSearchablePdf(api, editor, apart.id, '1', [['the gadget of the flurbish kind']]);
    const words = await search(editor, 'flurbish gadget');
    expect(words.items.map((item) => item.id).sort()).toEqual([adjacent.id, apart.id].sort());
    const phrase = await search(editor, '"flurbish gadget"');
    expect(phrase.items.map((item) => item.id)).toEqual([adjacent.id]);
    expect(shown(phrase.items[0])).toContain('[flurbish] [gadget]');
    const prefix = await search(editor, 'flurbi*');
    expect(prefix.items.map((item) => item.id).sort()).toEqual([adjacent.id, apart.id].sort());
    const excluded = await search(editor, 'flurbish -kind');
    expect(excluded.items.map((item) => item.id)).toEqual([adjacent.id]);
  });

  it('ranks identifier and title matches first, then the abstract, then the text', async () => {
    const word = 'zorbulation';
    const inText = await createDocument(editor, { organization: 'ofa' });
    await uploadSearchablePdf(api, editor, inText.id, '1', [[`about ${word} here`]]);
    const inAbstract = await createDocument(editor, {
      organization: 'ofa',
      abstract: `The ${word} model`,
    });
    const inTitle = await createDocument(editor, {
      organization: 'ofa',
      title: `${word} guide`,
    });
    const newestInText = await createDocument(editor, { organization: 'ofa' });
    await uploadSearchablePdf(api, editor, newestInText.id, '1', [[`${word} again`]]);
    const { items } = await search(editor, word);
    expect(items.map((item) => item.id)).toEqual([
      inTitle.id,
      inAbstract.id,
      newestInText.id,
      inText.id,
    ]);
    expect(items[0]!.textMatch).toBeNull();

    // The ranked order pages with its cursor, each document once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(editor, word, `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((item) => item.id));

    const identifier = uniqueIdentifier('ZORB');
    const byIdentifier = await createDocument(editor, { organization: 'ofa', identifier });
    const exact = await search(editor, identifier.toLowerCase());
    expect(exact.items[0]?.id).toBe(byIdentifier.id);
  });

  it('combines the words with the filters', async () => {
    const draft = await createDocument(editor, { organization: 'ofa', status: 'work-in-progress' });
    await uploadSearchablePdf(api, editor, draft.id, '1', [['the snorfax protocol']]);
    const standard = await createDocument(editor, { organization: 'ofa', status: 'informational' });
    await uploadSearchablePdf(api, editor, standard.id, '1', [['the snorfax protocol']]);
    const filtered = await search(editor, 'snorfax', '&status=informational');
    expect(filtered.items.map((item) => item.id)).toEqual([standard.id]);
    expect((await search(editor, 'snorfax', '&organization=dmtf')).items).toEqual([]);
  });

  it('answers from the newest version that is not withdrawn, and never from a withdrawn one', async () => {
    const { id } = await createDocument(editor, { organization: 'ofa' });
    await uploadSearchablePdf(api, editor, id, '1.0', [['the wibblecode is introduced']]);
    const second = await uploadSearchablePdf(api, editor, id, '2.0', [
      ['the wibblecode is revised', 'and the grumpleton is added'],
    ]);
    expect((await search(editor, 'wibblecode')).items[0]?.textMatch?.versionLabel).toBe('2.0');

    const withdrawn = await admin.json(
      'POST',
      `/api/v1/documents/${id}/versions/${second}/withdraw`,
      {
        reason: 'wrong file',
      },
    );
    expect(withdrawn.status).toBe(200);
    expect((await search(editor, 'wibblecode')).items[0]?.textMatch?.versionLabel).toBe('1.0');
    expect((await search(editor, 'grumpleton')).items).toEqual([]);
  });

  it('gives snippets as plain text without tags, and answers odd or hostile queries with 200', async () => {
    const { id } = await createDocument(editor, { organization: 'ofa' });
    await uploadSearchablePdf(api, editor, id, '1', [
      ['if 1 < 2 & <b>blorptastic</b> <script>alert(1)</script>'],
    ]);
    const { items } = await search(editor, 'blorptastic');
    expect(shown(items[0])).toContain('1 < 2 & ');
    expect(shown(items[0])).toContain('[blorptastic]');
    expect(shown(items[0])).not.toMatch(/<\/?(b|script)>/);
    for (const q of ["'); drop table documents; --", 'a:* & | !', '"', '*', '-x', 'the']) {
      expect((await search(editor, q)).items).toBeInstanceOf(Array);
    }
  });
});
