import {
  actorFromMemberships,
  canReadDocument,
  type DocumentStatus,
  type Visibility,
} from '@liaison/core';
import { seedBenchDocuments } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';

// Enough documents that the list is hundreds of pages long, like a real portal's.
const DOCUMENTS = 20_000;
const PAGE = 100;

let api: RunningApi;

beforeAll(async () => {
  api = await startApi();
  await seedBenchDocuments(api.pool, { count: DOCUMENTS, organization: 'dmtf' });
  await api.pool.query('analyze');
}, 120_000);

afterAll(async () => {
  await api.close();
});

/** Every document with what the read rule looks at, straight from the tables. */
async function everyDocument() {
  const result = await api.pool.query<{
    id: string;
    owner: string;
    visibility: Visibility;
    status: DocumentStatus;
    registerParties: string[];
  }>(
    `select d.id, o.slug as owner, d.visibility, d.status,
            array(select distinct po.slug from document_registers dr
                    join register_parties p on p.register_id = dr.register_id
                    join organizations po on po.id = p.organization_id
                   where dr.document_id = d.id) as "registerParties"
       from documents d join organizations o on o.id = d.organization_id`,
  );
  return result.rows;
}

/** Follows the list's cursor to the end; the ids in the order they came. */
async function walk(client: TestClient): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await client.json<{ items: { id: string }[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/documents?${query}`,
    );
    expect(response.status).toBe(200);
    ids.push(...response.body.items.map((item) => item.id));
    cursor = response.body.nextCursor;
  } while (cursor !== null);
  return ids;
}

describe(`GET /api/v1/documents over ${DOCUMENTS.toLocaleString('en-US')} documents`, () => {
  it.each([
    ['anonymous', undefined, []],
    ['a member of a partner organization', 'member@ofa.example', ['ofa']],
  ] as const)(
    'walks every page as %s and finds each readable document exactly once',
    async (_, email, organizations) => {
      const client = email ? await TestClient.signIn(api.url, email) : new TestClient(api.url);
      const actor = actorFromMemberships(
        { id: 'reader', email: email ?? '', operator: false },
        organizations.map((organization) => ({ organization, role: 'member' as const })),
      );
      const readable = (await everyDocument())
        .filter((document) => canReadDocument(actor, document))
        .map((document) => document.id);

      const listed = await walk(client);

      expect(new Set(listed).size).toBe(listed.length);
      expect(listed.length).toBeGreaterThan(DOCUMENTS / 3);
      expect([...listed].sort()).toEqual(readable.sort());
    },
  );
});
