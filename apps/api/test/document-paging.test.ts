import {
  actorFromMemberships,
  canReadDocument,
  type DocumentStatus,
  type Visibility,
} from '@liaison/core';
import { listReadableDocuments, type Queryable, seedBenchDocuments } from '@liaison/db';
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
  // Ties for the alphabetical sorts: many documents share a title, and identifiers differ in case only.
  await api.pool.query(`update documents set title = 'Shared title' where seq % 7 = 0`);
  await api.pool.query(
    `update documents set identifier = lower(identifier) where seq % 5 = 0 and identifier like 'BENCH-%'`,
  );
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

const SORTS = ['created', 'identifier', 'title'] as const;

/** Follows the list's cursor to the end; the ids in the order they came. */
async function walk(client: TestClient, sort: (typeof SORTS)[number]): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `sort=${sort}&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
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
  it.each(
    SORTS.flatMap((sort) =>
      (
        [
          ['anonymous', undefined, []],
          ['a member of a partner organization', 'member@ofa.example', ['ofa']],
        ] as const
      ).map(([who, email, organizations]) => [sort, who, email, organizations] as const),
    ),
  )(
    'sorted by %s, walks every page as %s and finds each readable document exactly once',
    async (sort, _, email, organizations) => {
      const client = email ? await TestClient.signIn(api.url, email) : new TestClient(api.url);
      const actor = actorFromMemberships(
        { id: 'reader', email: email ?? '', operator: false },
        organizations.map((organization) => ({ organization, role: 'member' as const })),
      );
      const readable = (await everyDocument())
        .filter((document) => canReadDocument(actor, document))
        .map((document) => document.id);

      const listed = await walk(client, sort);

      expect(new Set(listed).size).toBe(listed.length);
      expect(listed.length).toBeGreaterThan(DOCUMENTS / 3);
      expect([...listed].sort()).toEqual(readable.sort());
      const inOrder = await api.pool.query<{ id: string }>(
        `select id from documents d where id = any($1::uuid[]) order by ${ORDER[sort]}`,
        [listed],
      );
      expect(listed).toEqual(inOrder.rows.map((row) => row.id));
    },
  );

  it.each(SORTS)(
    'reads a page sorted by %s from its index, without sorting (EXPLAIN)',
    async (sort) => {
      const plans: PlanNode[] = [];
      // The list's own statement, explained instead of run.
      const explaining = {
        query: async (text: string, values?: unknown[]) => {
          const result = await api.pool.query(`explain (format json) ${text}`, values);
          plans.push(result.rows[0]['QUERY PLAN'][0].Plan);
          return { rows: [], rowCount: 0 };
        },
      } as unknown as Queryable;
      await listReadableDocuments(explaining, { viewerOrganizations: ['ofa'], sort, limit: 25 });
      const listing = mainNodes(plans[0]!);
      const scan = listing.find((node) => node['Relation Name'] === 'documents');
      expect(scan?.['Node Type']).toBe('Index Scan');
      expect(scan?.['Index Name']).toBe(INDEX[sort]);
      expect(listing.map((node) => node['Node Type'])).not.toContain('Sort');
      expect(listing.map((node) => node['Node Type'])).not.toContain('Incremental Sort');
    },
  );

  it('refuses a cursor of another sort with 400', async () => {
    const client = new TestClient(api.url);
    const page = await client.json<{ nextCursor: string }>(
      'GET',
      '/api/v1/documents?sort=title&limit=2',
    );
    const response = await client.json<{ error: { code: string } }>(
      'GET',
      `/api/v1/documents?sort=created&cursor=${page.body.nextCursor}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_cursor');
    const garbled = await client.json('GET', '/api/v1/documents?sort=title&cursor=bm90LWpzb24');
    expect(garbled.status).toBe(400);
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}

/** The nodes that produce the list's rows, without the per-row subqueries (their own sorts). */
function mainNodes(node: PlanNode): PlanNode[] {
  const children = (node.Plans ?? []).filter(
    (child) =>
      child['Parent Relationship'] !== 'SubPlan' && child['Parent Relationship'] !== 'InitPlan',
  );
  return [node, ...children.flatMap(mainNodes)];
}

const ORDER = {
  created: 'd.seq desc',
  identifier: 'lower(d.identifier), d.id',
  title: 'lower(d.title), d.id',
} as const;

const INDEX = {
  created: 'documents_seq_key',
  identifier: 'documents_identifier_order_idx',
  title: 'documents_title_order_idx',
} as const;
