/**
 * The search section of the authorization matrix: a search must never reveal one word of a file
 * the caller cannot open.
 *
 * Every kind of document of the main matrix (matrix-documents.ts: owned by each organization,
 * with each visibility, shared under each register its owner is a party of, or under none unless
 * it is a partners document) gets a version whose text
 * holds a word of its own, plus a word all documents share. Every public document also gets a
 * second version, withdrawn, with a word of its own. Then every actor (the nine organization
 * users, the operator and an anonymous caller) searches every word. The expectation comes from the
 * permission table (packages/core/test/fixtures/permission-table.ts), as in the main matrix:
 * - a document's word finds exactly that document for those who may read it, nothing otherwise;
 * - a withdrawn version's word finds nothing, for anyone;
 * - the shared word finds exactly the readable documents, and each snippet shows only the text of
 *   the document it comes with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentTableAllows } from '../../../packages/core/test/fixtures/permission-table.js';
import type { TestClient } from './client.js';
import { mapLimit } from './concurrency.js';
import { signInActors } from './demo-actors.js';
import { createDocument } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import {
  ACTORS,
  type ActorSpec,
  actorKind,
  DOCUMENT_KINDS,
  type DocumentKind,
  describeDocument,
} from './matrix-documents.js';
import { type SearchHit, search, shown, uploadSearchablePdf } from './search-fixtures.js';

interface DocumentSpec extends DocumentKind {
  /** Only in this document's live version. */
  word: string;
  /** Only in its withdrawn version (public documents). */
  withdrawnWord: string | null;
}

/** Letters only, so each is one lexeme the English stemmer leaves alone enough to be unique. */
const wordFor = (kind: string, index: number) =>
  `srch${kind}${String.fromCharCode(97 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}q`;
const SHARED_WORD = 'srchsharedq';

const DOCUMENTS: DocumentSpec[] = DOCUMENT_KINDS.map((document, index) => ({
  ...document,
  word: wordFor('live', index),
  withdrawnWord: document.visibility === 'public' ? wordFor('gone', index) : null,
}));

const mayRead = (actor: ActorSpec, document: DocumentSpec) =>
  documentTableAllows(actorKind(actor, document), document.visibility, 'read');

let api: RunningApi;
let clients: Map<string, TestClient>;
/** Document id → its spec. */
const created = new Map<string, DocumentSpec>();

beforeAll(async () => {
  api = await startApi();
  clients = await signInActors(api.url, ACTORS, (actor) => actor.name);
  await mapLimit(DOCUMENTS, 3, async (document) => {
    const owner = clients.get(`admin@${document.owner}.example`)!;
    const { id } = await createDocument(owner, {
      organization: document.owner,
      visibility: document.visibility,
      registers: document.register ? [document.register] : [],
    });
    await uploadSearchablePdf(api, owner, id, '1', [
      ['Cover'],
      [`This section defines the ${document.word} for the ${SHARED_WORD} test.`],
    ]);
    if (document.withdrawnWord) {
      const withdrawn = await uploadSearchablePdf(api, owner, id, '2', [
        [`A later draft names the ${document.withdrawnWord} and the ${SHARED_WORD}.`],
      ]);
      const response = await owner.json(
        'POST',
        `/api/v1/documents/${id}/versions/${withdrawn}/withdraw`,
        { reason: 'published in error' },
      );
      expect(response.status).toBe(200);
    }
    created.set(id, document);
  });
}, 600_000);

afterAll(async () => {
  await api.close();
});

/** Every document word in the hit's snippet belongs to the hit's own document. */
function expectSnippetOfItsOwn(hit: SearchHit) {
  const own = created.get(hit.id);
  const text = shown(hit);
  for (const document of DOCUMENTS) {
    if (document === own) continue;
    expect(text).not.toContain(document.word);
    if (document.withdrawnWord) expect(text).not.toContain(document.withdrawnWord);
  }
  if (own?.withdrawnWord) expect(text).not.toContain(own.withdrawnWord);
}

describe('search authorization matrix', () => {
  it('covers every actor and every kind of document', () => {
    // ofa 5, dmtf 8, snia 5 kinds: matrix-documents.ts (no partners document under no register).
    expect(ACTORS).toHaveLength(11);
    expect(DOCUMENTS).toHaveLength(18);
    expect(created.size).toBe(18);
  });

  describe.each(ACTORS)('$name', (actor) => {
    it("finds each document's word exactly where the document may be read", async () => {
      const client = clients.get(actor.name)!;
      const outcomes = await mapLimit([...created], 4, async ([id, document]) => {
        const { items } = await search(client, document.word);
        items.forEach(expectSnippetOfItsOwn);
        return {
          document: describeDocument(document),
          found: items.map((item) => item.id).includes(id),
          others: items.filter((item) => item.id !== id).length,
        };
      });
      const expected = [...created].map(([, document]) => ({
        document: describeDocument(document),
        found: mayRead(actor, document),
        others: 0,
      }));
      expect(outcomes).toEqual(expected);
    });

    it('finds no word of a withdrawn version', async () => {
      const client = clients.get(actor.name)!;
      const words = DOCUMENTS.flatMap((document) => document.withdrawnWord ?? []);
      expect(words).toHaveLength(7);
      for (const word of words) expect((await search(client, word)).items).toEqual([]);
    });

    it('finds the shared word in exactly the readable documents, each snippet its own', async () => {
      const client = clients.get(actor.name)!;
      const { items } = await search(client, SHARED_WORD, '&limit=100');
      items.forEach(expectSnippetOfItsOwn);
      const found = items.map((item) => item.id).filter((id) => created.has(id));
      const readable = [...created]
        .filter(([, document]) => mayRead(actor, document))
        .map(([id]) => id);
      expect(found.sort()).toEqual(readable.sort());
      for (const item of items) expect(item.textMatch?.versionLabel).toBe('1');
    });
  });
});
