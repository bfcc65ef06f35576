// The library search finds words in the files' text as well as the metadata (issue 14).
import { describe, expect, it } from 'vitest';
import { useApiWithDemoPeople } from './demo-actors.js';
import { createDocument, uniqueIdentifier } from './factories.js';
import { search, shown, uploadSearchablePdf } from './search-fixtures.js';

const demo = useApiWithDemoPeople();
const { as } = demo;

describe('search inside files', () => {
  it('finds a word on its page, in the version, with the matched words highlighted', async () => {
    const { id } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), id, '0.9a', [
      ['Cover page'],
      ['Nothing here'],
      ['The quuxplorer attaches to every switch port'],
    ]);
    const { items } = await search(as('editor@ofa'), 'quuxplorer');
    expect(items.map((item) => item.id)).toEqual([id]);
    expect(items[0]!.textMatch).toMatchObject({ versionLabel: '0.9a', page: 3 });
    expect(shown(items[0])).toContain('The [quuxplorer] attaches to every switch port');
  });

  it('tells a phrase from the same words apart, and finds words by prefix', async () => {
    const adjacent = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), adjacent.id, '1', [
      ['the flurbish gadget is here'],
    ]);
    const apart = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), apart.id, '1', [
      ['the gadget of the flurbish kind'],
    ]);
    const words = await search(as('editor@ofa'), 'flurbish gadget');
    expect(words.items.map((item) => item.id).sort()).toEqual([adjacent.id, apart.id].sort());
    const phrase = await search(as('editor@ofa'), '"flurbish gadget"');
    expect(phrase.items.map((item) => item.id)).toEqual([adjacent.id]);
    expect(shown(phrase.items[0])).toContain('[flurbish] [gadget]');
    const prefix = await search(as('editor@ofa'), 'flurbi*');
    expect(prefix.items.map((item) => item.id).sort()).toEqual([adjacent.id, apart.id].sort());
    const excluded = await search(as('editor@ofa'), 'flurbish -kind');
    expect(excluded.items.map((item) => item.id)).toEqual([adjacent.id]);
  });

  it('ranks identifier and title matches first, then the abstract, then the text', async () => {
    const word = 'zorbulation';
    const inText = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), inText.id, '1', [[`about ${word} here`]]);
    const inAbstract = await createDocument(as('editor@ofa'), {
      organization: 'ofa',
      abstract: `The ${word} model`,
    });
    const inTitle = await createDocument(as('editor@ofa'), {
      organization: 'ofa',
      title: `${word} guide`,
    });
    const newestInText = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), newestInText.id, '1', [
      [`${word} again`],
    ]);
    const { items } = await search(as('editor@ofa'), word);
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
      const page = await search(
        as('editor@ofa'),
        word,
        `&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((item) => item.id));

    const identifier = uniqueIdentifier('ZORB');
    const byIdentifier = await createDocument(as('editor@ofa'), {
      organization: 'ofa',
      identifier,
    });
    const exact = await search(as('editor@ofa'), identifier.toLowerCase());
    expect(exact.items[0]?.id).toBe(byIdentifier.id);
  });

  it('combines the words with the filters', async () => {
    const draft = await createDocument(as('editor@ofa'), {
      organization: 'ofa',
      status: 'work-in-progress',
    });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), draft.id, '1', [
      ['the snorfax protocol'],
    ]);
    const standard = await createDocument(as('editor@ofa'), {
      organization: 'ofa',
      status: 'informational',
    });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), standard.id, '1', [
      ['the snorfax protocol'],
    ]);
    const filtered = await search(as('editor@ofa'), 'snorfax', '&status=informational');
    expect(filtered.items.map((item) => item.id)).toEqual([standard.id]);
    expect((await search(as('editor@ofa'), 'snorfax', '&organization=dmtf')).items).toEqual([]);
  });

  it('answers from the newest version that is not withdrawn, and never from a withdrawn one', async () => {
    const { id } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), id, '1.0', [
      ['the wibblecode is introduced'],
    ]);
    const second = await uploadSearchablePdf(demo.api, as('editor@ofa'), id, '2.0', [
      ['the wibblecode is revised', 'and the grumpleton is added'],
    ]);
    expect((await search(as('editor@ofa'), 'wibblecode')).items[0]?.textMatch?.versionLabel).toBe(
      '2.0',
    );

    const withdrawn = await as('admin@ofa').json(
      'POST',
      `/api/v1/documents/${id}/versions/${second}/withdraw`,
      {
        reason: 'wrong file',
      },
    );
    expect(withdrawn.status).toBe(200);
    expect((await search(as('editor@ofa'), 'wibblecode')).items[0]?.textMatch?.versionLabel).toBe(
      '1.0',
    );
    expect((await search(as('editor@ofa'), 'grumpleton')).items).toEqual([]);
  });

  it('gives snippets as plain text without tags, and answers odd or hostile queries with 200', async () => {
    const { id } = await createDocument(as('editor@ofa'), { organization: 'ofa' });
    await uploadSearchablePdf(demo.api, as('editor@ofa'), id, '1', [
      ['if 1 < 2 & <b>blorptastic</b> <script>alert(1)</script>'],
    ]);
    const { items } = await search(as('editor@ofa'), 'blorptastic');
    expect(shown(items[0])).toContain('1 < 2 & ');
    expect(shown(items[0])).toContain('[blorptastic]');
    expect(shown(items[0])).not.toMatch(/<\/?(b|script)>/);
    for (const q of ["'); drop table documents; --", 'a:* & | !', '"', '*', '-x', 'the']) {
      expect((await search(as('editor@ofa'), q)).items).toBeInstanceOf(Array);
    }
  });
});
