/**
 * The generated authorization matrix (docs/architecture.md, "Permissions"), run against the live
 * API over HTTP.
 *
 * Every actor (the ten demo users and an anonymous caller) tries every action on every kind of
 * document: owned by each organization, with each visibility, shared under each register its
 * owner is a party of, or under none (public and organization documents only: a partners document
 * under no register is refused, which the last section checks; matrix-documents.ts). The expected outcome comes from the permission table in code
 * (packages/core/test/fixtures/permission-table.ts), deliberately NOT from packages/core's policy,
 * so the policy is checked against the design rather than against itself.
 *
 * Actions, and what they mean here:
 * - list:     does the document appear in GET /api/v1/documents (every page)?
 * - get:      GET /api/v1/documents/:id (and, when readable, its `permissions`)
 * - download: GET /api/v1/documents/:id/versions/:versionId/content
 * - compare:  GET /api/v1/documents/:id/compare?from=&to= (the version against itself: read rules)
 * - downloads: GET /api/v1/documents/:id/downloads (who downloaded it: `see-downloads`)
 * - upload:   POST /api/v1/documents/:id/versions (multipart)
 * - patch:    PATCH title (an "other metadata edit")
 * - share:    PATCH visibility organization ↔ partners (only for documents that are not public);
 *             to partners under a register: the one the document is already shared under, else
 *             the first its owner is a party of
 * - release:  the admin-only "release" and "set standard" rows of the table: PATCH visibility →
 *             public; a document that is already public has nothing left to make public, so for
 *             it release means the other row, PATCH status → standard
 * - withdraw: POST /api/v1/documents/:id/versions/:versionId/withdraw { reason }
 * - delete:   DELETE /api/v1/documents/:id
 *
 * Expected HTTP status: an anonymous caller on a write route gets 401 whatever the document (the
 * API asks for a sign-in before it looks the document up, and 401 for an unreadable document is
 * the same answer as for a missing one, so nothing leaks); a signed-in caller who cannot read the
 * document gets 404 for every action, exactly as for a missing one; a caller who can read but may
 * not act gets 403, except on downloads, a read route, where a caller who may not see them gets 404
 * as for a missing document; an allowed action answers 201 (upload), 204 (delete) or 200.
 *
 * The documents are made without watermarks: their stand-in files are not PDFs a stamper could
 * open, and who gets a stamped copy is watermarks.test.ts's subject; the read rules are the same.
 *
 * list, get, download, compare, downloads and upload run on one shared set of documents (an upload only adds a
 * version with a label of its own). patch, share, release, withdraw and delete change what they
 * touch, so each of those cases gets a fresh document, created by the owner's admin with one
 * version; afterwards the owner's admin checks that the document changed exactly when the action
 * was allowed. At the end, for every actor, the documents they can list must be exactly the ones
 * they can read one by one (the SQL list filter and the policy must not drift apart), over every
 * document the run created, in whatever state the write cases left it.
 */
import { versionDownloadName } from '@liaison/core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DocumentTableAction,
  documentTableAllows,
  type InvitationActorKind,
  type InvitationTableAction,
  invitationTableAllows,
} from '../../../packages/core/test/fixtures/permission-table.js';
import type { TestClient } from './client.js';
import { mapLimit } from './concurrency.js';
import { signInActors } from './demo-actors.js';
import { type RunningApi, startApi } from './helpers.js';
import {
  ACTORS,
  type ActorSpec,
  actorKind,
  DOCUMENT_KINDS,
  type DocumentKind,
  describeDocument,
  ORGANIZATIONS,
  type Organization,
  REGISTER_PARTIES,
  REGISTERS,
  type Register,
  ROLES,
  registersOf,
} from './matrix-documents.js';

// ---------------------------------------------------------------------------------------------
// The dimensions of the matrix (matrix-documents.ts).

type DocumentSpec = DocumentKind;
const DOCUMENTS = DOCUMENT_KINDS;

/** Where the share action shares an organization document with partners. */
const shareRegister = (document: DocumentSpec): Register =>
  document.register ?? registersOf(document.owner)[0]!;

const READ_ACTIONS = ['list', 'get', 'download', 'compare', 'downloads'] as const;
const WRITE_ACTIONS = ['upload', 'patch', 'share', 'release', 'withdraw', 'delete'] as const;
type WriteAction = (typeof WRITE_ACTIONS)[number];
const ACTIONS = [...READ_ACTIONS, ...WRITE_ACTIONS] as const;
type Action = (typeof ACTIONS)[number];

/** share moves between organization and partners, so it only applies to non-public documents. */
const appliesTo = (action: Action, document: DocumentSpec) =>
  action !== 'share' || document.visibility !== 'public';

// ---------------------------------------------------------------------------------------------
// The expected outcome: the permission table (packages/core/test/fixtures/permission-table.ts,
// the table of docs/architecture.md in code, independent of packages/core's policy).

/** The table's action for each write case ("release" on a public document is set-standard). */
const TABLE_ACTION: Record<WriteAction, DocumentTableAction> = {
  upload: 'upload',
  patch: 'edit',
  share: 'share-with-partners',
  release: 'release',
  withdraw: 'withdraw-version',
  delete: 'delete',
};

function expectCanRead(actor: ActorSpec, document: DocumentSpec): boolean {
  return documentTableAllows(actorKind(actor, document), document.visibility, 'read');
}

const SUCCESS: Record<WriteAction, number> = {
  upload: 201,
  patch: 200,
  share: 200,
  release: 200,
  withdraw: 200,
  delete: 204,
};

function expectMayWrite(actor: ActorSpec, action: WriteAction, document: DocumentSpec): boolean {
  const tableAction =
    action === 'release' && document.visibility === 'public'
      ? 'set-standard'
      : TABLE_ACTION[action];
  return documentTableAllows(actorKind(actor, document), document.visibility, tableAction);
}

function expectMaySeeDownloads(actor: ActorSpec, document: DocumentSpec): boolean {
  return documentTableAllows(actorKind(actor, document), document.visibility, 'see-downloads');
}

function expectedStatus(actor: ActorSpec, action: Action, document: DocumentSpec): number {
  if (action === 'list') throw new Error('list has no status; it is appear or not');
  if (action === 'get' || action === 'download' || action === 'compare')
    return expectCanRead(actor, document) ? 200 : 404;
  if (action === 'downloads') return expectMaySeeDownloads(actor, document) ? 200 : 404;
  if (actor.email === null) return 401;
  if (!expectCanRead(actor, document)) return 404;
  return expectMayWrite(actor, action, document) ? SUCCESS[action] : 403;
}

/** The `permissions` object the API returns with a readable document. */
function expectedPermissions(actor: ActorSpec, document: DocumentSpec) {
  return {
    edit: expectMayWrite(actor, 'patch', document),
    upload: expectMayWrite(actor, 'upload', document),
    release: expectMayWrite(actor, 'release', document),
    delete: expectMayWrite(actor, 'delete', document),
    withdraw: expectMayWrite(actor, 'withdraw', document),
    seeDownloads: expectMaySeeDownloads(actor, document),
  };
}

// ---------------------------------------------------------------------------------------------
// The generated cases, and how many there must be.

interface Case {
  actor: ActorSpec;
  action: Action;
  document: DocumentSpec;
}

const CASES: Case[] = ACTIONS.flatMap((action) =>
  ACTORS.flatMap((actor) =>
    DOCUMENTS.filter((document) => appliesTo(action, document)).map((document) => ({
      actor,
      action,
      document,
    })),
  ),
);

// Derived from the dimensions, not from the generator: 3 organizations × 3 roles + the operator +
// anonymous = 11 actors; each owner with r registers has 1 + r public, 1 + r organization and r
// partners documents (ofa 5, dmtf 8, snia 5 = 18, of which 3 + 5 + 3 = 11 not public); every
// action applies to every document except share, which skips the public ones:
// 11 × (10 × 18 + 11) = 2101.
const ACTOR_COUNT = ORGANIZATIONS.length * ROLES.length + 2;
const NON_PUBLIC_DOCUMENT_COUNT = ORGANIZATIONS.reduce(
  (sum, owner) => sum + 2 * registersOf(owner).length + 1,
  0,
);
const DOCUMENT_COUNT = ORGANIZATIONS.reduce(
  (sum, owner) => sum + 1 + registersOf(owner).length,
  NON_PUBLIC_DOCUMENT_COUNT,
);
const EXPECTED_CASE_COUNT =
  ACTOR_COUNT * ((ACTIONS.length - 1) * DOCUMENT_COUNT + NON_PUBLIC_DOCUMENT_COUNT);

// ---------------------------------------------------------------------------------------------
// Running it.

const CONCURRENCY = 8;

interface DocumentView {
  id: string;
  title: string;
  status: string;
  visibility: string;
  registers: string[];
  permissions: Record<string, boolean>;
  versions: { id: string; withdrawn: unknown }[];
}

interface CreatedDocument {
  spec: DocumentSpec;
  id: string;
  identifier: string;
  versionId: string;
  content: string;
  title: string;
}

let api: RunningApi;
let clients: Map<string, TestClient>;
const clientOf = (actor: ActorSpec) => clients.get(actor.name)!;
const adminOf = (organization: Organization) => clients.get(`admin@${organization}.example`)!;

/** The shared documents for list, get, download and upload, in DOCUMENTS order. */
let shared: CreatedDocument[] = [];
/**
 * Every document the run creates and has not deleted, in whatever state the write cases left it:
 * the universe of the list-equals-get check.
 */
const liveDocumentIds = new Set<string>();
let createdCount = 0;
/** Documents that were there before the run (the demo seed may add some), as their owners list them. */
const otherDocumentIds = new Set<string>();

let executed = 0;
let permissionChecks = 0;
let consistencyChecks = 0;
let sequence = 0;

/** Creates a document as the owner's admin (who may create any kind) with one small version. */
async function createDocument(spec: DocumentSpec, purpose: string): Promise<CreatedDocument> {
  const admin = adminOf(spec.owner);
  const identifier = `AM-${purpose}-${++sequence}`;
  const title = `Matrix ${describeDocument(spec)} ${identifier}`;
  const created = await admin.json<{ id: string }>('POST', '/api/v1/documents', {
    organization: spec.owner,
    identifier,
    title,
    status: 'work-in-progress',
    visibility: spec.visibility,
    watermark: false,
    registers: spec.register ? [spec.register] : [],
  });
  if (created.status !== 201) {
    throw new Error(`creating ${describeDocument(spec)} failed: ${JSON.stringify(created)}`);
  }
  liveDocumentIds.add(created.body.id);
  createdCount++;
  const content = `matrix content of ${identifier}`;
  const uploaded = await admin.upload(created.body.id, '1.0', content, `${identifier}.txt`);
  if (uploaded.status !== 201) {
    throw new Error(`uploading to ${describeDocument(spec)} failed: ${JSON.stringify(uploaded)}`);
  }
  return {
    spec,
    id: created.body.id,
    identifier,
    versionId: uploaded.body.id as string,
    content,
    title,
  };
}

/** Every document id the actor can list, through every page. */
async function listAll(client: TestClient): Promise<Map<string, Record<string, boolean>>> {
  const listed = new Map<string, Record<string, boolean>>();
  let cursor: string | null = null;
  do {
    const page: {
      status: number;
      body: {
        items: { id: string; permissions: Record<string, boolean> }[];
        nextCursor: string | null;
      };
    } = await client.json('GET', `/api/v1/documents?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    if (page.status !== 200) throw new Error(`listing failed: ${JSON.stringify(page)}`);
    for (const item of page.body.items) listed.set(item.id, item.permissions);
    cursor = page.body.nextCursor;
  } while (cursor);
  return listed;
}

/** Compared key by key, so the order of the keys in the JSON does not matter. */
function samePermissions(actual: Record<string, boolean>, expected: Record<string, boolean>) {
  return (
    Object.keys(actual).length === Object.keys(expected).length &&
    Object.entries(expected).every(([key, value]) => actual[key] === value)
  );
}

const mismatch = (
  actor: ActorSpec,
  action: Action,
  document: DocumentSpec,
  expected: unknown,
  actual: unknown,
) =>
  `${actor.name} ${action} ${describeDocument(document)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;

beforeAll(async () => {
  api = await startApi();
  clients = await signInActors(api.url, ACTORS, (actor) => actor.name);
  // The register table above must be the seeded one, or every expectation is off.
  const registers = await adminOf('dmtf').json<{
    items: { slug: string; parties: { organization: string }[] }[];
  }>('GET', '/api/v1/registers');
  expect(registers.status).toBe(200);
  const seeded = Object.fromEntries(
    registers.body.items.map((register) => [
      register.slug,
      register.parties.map((party) => party.organization).sort(),
    ]),
  );
  expect(seeded).toEqual(
    Object.fromEntries(
      REGISTERS.map((register) => [register, [...REGISTER_PARTIES[register]].sort()]),
    ),
  );
  for (const organization of ORGANIZATIONS) {
    for (const id of (await listAll(adminOf(organization))).keys()) otherDocumentIds.add(id);
  }
  shared = await mapLimit(DOCUMENTS, CONCURRENCY, (spec) => createDocument(spec, 'shared'));
});

afterAll(async () => {
  await api?.close();
});

describe('authorization matrix', () => {
  it('generates the expected number of cases', () => {
    expect(ACTORS).toHaveLength(ACTOR_COUNT);
    expect(DOCUMENTS).toHaveLength(DOCUMENT_COUNT);
    expect(CASES).toHaveLength(EXPECTED_CASE_COUNT);
  });

  const casesOf = (action: Action, actor: ActorSpec) =>
    CASES.filter((entry) => entry.action === action && entry.actor === actor);

  describe('list: a document appears in the list iff the actor may read it', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const listed = await listAll(clientOf(actor));
      const problems: string[] = [];
      for (const { document } of casesOf('list', actor)) {
        const created = shared[DOCUMENTS.indexOf(document)]!;
        const expected = expectCanRead(actor, document);
        const actual = listed.has(created.id);
        executed++;
        if (actual !== expected) problems.push(mismatch(actor, 'list', document, expected, actual));
        const permissions = listed.get(created.id);
        if (permissions) {
          permissionChecks++;
          const want = expectedPermissions(actor, document);
          if (!samePermissions(permissions, want))
            problems.push(
              mismatch(actor, 'list', document, { permissions: want }, { permissions }),
            );
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('get: 200 with the right permissions iff readable, else 404', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const client = clientOf(actor);
      const problems = await mapLimit(casesOf('get', actor), CONCURRENCY, async ({ document }) => {
        const created = shared[DOCUMENTS.indexOf(document)]!;
        const response = await client.json<DocumentView>('GET', `/api/v1/documents/${created.id}`);
        executed++;
        const expected = expectedStatus(actor, 'get', document);
        if (response.status !== expected)
          return [mismatch(actor, 'get', document, expected, response.status)];
        if (response.status !== 200) return [];
        permissionChecks++;
        const want = expectedPermissions(actor, document);
        const permissions = response.body.permissions;
        return samePermissions(permissions, want)
          ? []
          : [mismatch(actor, 'get', document, { permissions: want }, { permissions })];
      });
      expect(problems.flat()).toEqual([]);
    });
  });

  describe('download: 200 with the bytes iff readable, else 404', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const client = clientOf(actor);
      const problems = await mapLimit(
        casesOf('download', actor),
        CONCURRENCY,
        async ({ document }) => {
          const created = shared[DOCUMENTS.indexOf(document)]!;
          const response = await client.fetch(
            `/api/v1/documents/${created.id}/versions/${created.versionId}/content`,
          );
          const body = await response.text();
          executed++;
          const expected = expectedStatus(actor, 'download', document);
          if (response.status !== expected)
            return [mismatch(actor, 'download', document, expected, response.status)];
          if (response.status === 200 && body !== created.content)
            return [mismatch(actor, 'download', document, created.content, body)];
          return [];
        },
      );
      expect(problems.flat()).toEqual([]);
    });
  });

  describe('compare: 200 iff readable, else 404', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const client = clientOf(actor);
      const problems = await mapLimit(
        casesOf('compare', actor),
        CONCURRENCY,
        async ({ document }) => {
          const created = shared[DOCUMENTS.indexOf(document)]!;
          const response = await client.fetch(
            `/api/v1/documents/${created.id}/compare?from=${created.versionId}&to=${created.versionId}`,
          );
          const body = (await response.json()) as { from?: { id: string } };
          executed++;
          const expected = expectedStatus(actor, 'compare', document);
          if (response.status !== expected)
            return [mismatch(actor, 'compare', document, expected, response.status)];
          if (response.status === 200 && body.from?.id !== created.versionId)
            return [mismatch(actor, 'compare', document, created.versionId, body.from?.id)];
          return [];
        },
      );
      expect(problems.flat()).toEqual([]);
    });
  });

  describe('downloads: 200 for those who may see who downloaded it, else 404', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const client = clientOf(actor);
      const problems = await mapLimit(
        casesOf('downloads', actor),
        CONCURRENCY,
        async ({ document }) => {
          const created = shared[DOCUMENTS.indexOf(document)]!;
          const response = await client.json<{ items: { reader: { email: string | null } }[] }>(
            'GET',
            `/api/v1/documents/${created.id}/downloads`,
          );
          executed++;
          const expected = expectedStatus(actor, 'downloads', document);
          if (response.status !== expected)
            return [mismatch(actor, 'downloads', document, expected, response.status)];
          if (response.status !== 200) return [];
          // The download section ran first: every reader of a non-public document downloaded it
          // (the owner's admin among them); reads of public documents are not logged.
          const readers = response.body.items.map((item) => item.reader.email);
          const ownerAdminRead = readers.includes(`admin@${document.owner}.example`);
          return ownerAdminRead === (document.visibility !== 'public')
            ? []
            : [mismatch(actor, 'downloads', document, 'the readers who downloaded it', readers)];
        },
      );
      expect(problems.flat()).toEqual([]);
    });
  });

  describe('upload a version: editors and admins of the owner', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const client = clientOf(actor);
      // A label of the actor's own, so uploads to the shared documents never collide.
      const label = `2.0-${actor.name.replace(/[^A-Za-z0-9]/g, '-')}`;
      const problems = await mapLimit(
        casesOf('upload', actor),
        CONCURRENCY,
        async ({ document }) => {
          const created = shared[DOCUMENTS.indexOf(document)]!;
          const response = await client.upload(
            created.id,
            label,
            `uploaded by ${actor.name}`,
            'new.txt',
          );
          executed++;
          const expected = expectedStatus(actor, 'upload', document);
          return response.status === expected
            ? []
            : [mismatch(actor, 'upload', document, expected, response.status)];
        },
      );
      expect(problems.flat()).toEqual([]);
    });
  });

  /** Runs a state-changing action on a fresh document; returns the response status. */
  const perform: Record<
    Exclude<WriteAction, 'upload'>,
    (client: TestClient, document: CreatedDocument) => Promise<number>
  > = {
    patch: async (client, document) =>
      (
        await client.json('PATCH', `/api/v1/documents/${document.id}`, {
          title: `${document.title} (retitled)`,
        })
      ).status,
    share: async (client, document) =>
      (
        await client.json(
          'PATCH',
          `/api/v1/documents/${document.id}`,
          document.spec.visibility === 'organization'
            ? { visibility: 'partners', registers: [shareRegister(document.spec)] }
            : { visibility: 'organization' },
        )
      ).status,
    release: async (client, document) =>
      (
        await client.json(
          'PATCH',
          `/api/v1/documents/${document.id}`,
          document.spec.visibility === 'public' ? { status: 'standard' } : { visibility: 'public' },
        )
      ).status,
    withdraw: async (client, document) =>
      (
        await client.json(
          'POST',
          `/api/v1/documents/${document.id}/versions/${document.versionId}/withdraw`,
          { reason: 'Withdrawn by the authorization matrix' },
        )
      ).status,
    delete: async (client, document) =>
      (await client.json('DELETE', `/api/v1/documents/${document.id}`)).status,
  };

  /** What the owner's admin must see afterwards: the action's effect if it was allowed, else nothing. */
  function stateProblem(
    action: Exclude<WriteAction, 'upload'>,
    document: CreatedDocument,
    allowed: boolean,
    after: { status: number; body: DocumentView },
  ): unknown {
    const spec = document.spec;
    if (action === 'delete') return after.status === (allowed ? 404 : 200) ? null : after.status;
    if (after.status !== 200) return after.status;
    const state = {
      title: after.body.title,
      visibility: after.body.visibility,
      registers: after.body.registers,
      status: after.body.status,
      withdrawn: after.body.versions.map((version) => version.withdrawn !== null),
    };
    const expected = {
      title: document.title,
      visibility: spec.visibility as string,
      registers: spec.register ? [spec.register as string] : [],
      status: 'work-in-progress',
      withdrawn: [false],
    };
    if (allowed) {
      if (action === 'patch') expected.title = `${document.title} (retitled)`;
      if (action === 'share' && spec.visibility === 'organization') {
        expected.visibility = 'partners';
        expected.registers = [shareRegister(spec)];
      }
      if (action === 'share' && spec.visibility === 'partners')
        expected.visibility = 'organization';
      if (action === 'release') {
        if (spec.visibility === 'public') expected.status = 'standard';
        else expected.visibility = 'public';
      }
      if (action === 'withdraw') expected.withdrawn = [true];
    }
    return JSON.stringify(state) === JSON.stringify(expected) ? null : { expected, state };
  }

  const DESTRUCTIVE = WRITE_ACTIONS.filter(
    (action): action is Exclude<WriteAction, 'upload'> => action !== 'upload',
  );
  for (const action of DESTRUCTIVE) {
    describe(`${action} (each case on a fresh document)`, () => {
      it.each(ACTORS)('$name', async (actor) => {
        const client = clientOf(actor);
        const problems = await mapLimit(
          casesOf(action, actor),
          CONCURRENCY,
          async ({ document }) => {
            const fresh = await createDocument(document, action);
            const status = await perform[action](client, fresh);
            executed++;
            const expected = expectedStatus(actor, action, document);
            if (status !== expected) return [mismatch(actor, action, document, expected, status)];
            const after = await adminOf(document.owner).json<DocumentView>(
              'GET',
              `/api/v1/documents/${fresh.id}`,
            );
            const allowed = status === SUCCESS[action];
            const problem = stateProblem(action, fresh, allowed, after);
            if (problem !== null) {
              return [
                `${actor.name} ${action} ${describeDocument(document)}: answered ${status} but left ${JSON.stringify(problem)}`,
              ];
            }
            if (allowed && action === 'delete') liveDocumentIds.delete(fresh.id);
            if (!allowed) {
              // Refused, so it is an unchanged copy of a shared document: remove it, which keeps the
              // list-equals-get check below to the documents whose states differ.
              const removed = await adminOf(document.owner).json(
                'DELETE',
                `/api/v1/documents/${fresh.id}`,
              );
              if (removed.status !== 204)
                throw new Error(`cleanup failed: ${JSON.stringify(removed)}`);
              liveDocumentIds.delete(fresh.id);
            }
            return [];
          },
        );
        expect(problems.flat()).toEqual([]);
      });
    });
  }

  describe('what each actor can list is exactly what they can read, one by one', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const client = clientOf(actor);
      const listed = new Set((await listAll(client)).keys());
      // Every document the run created, plus whatever else is there (the demo seed's), plus
      // anything this actor lists: each is read one by one.
      const universe = [...new Set([...liveDocumentIds, ...otherDocumentIds, ...listed])];
      const readable = new Set<string>();
      await mapLimit(universe, CONCURRENCY, async (id) => {
        const response = await client.fetch(`/api/v1/documents/${id}`);
        await response.arrayBuffer();
        if (response.status === 200) readable.add(id);
        else if (response.status !== 404) throw new Error(`GET ${id} answered ${response.status}`);
      });
      consistencyChecks += universe.length;
      const listedNotReadable = [...listed].filter((id) => !readable.has(id));
      const readableNotListed = [...readable].filter((id) => !listed.has(id));
      expect({ listedNotReadable, readableNotListed }).toEqual({
        listedNotReadable: [],
        readableNotListed: [],
      });
    });
  });

  describe('a partners document under no register is refused (400), never created or made', () => {
    it.each(ORGANIZATIONS)('%s', async (owner) => {
      const admin = adminOf(owner);
      const identifier = `AM-no-register-${++sequence}`;
      const created = await admin.json<{ error: { code: string } }>('POST', '/api/v1/documents', {
        organization: owner,
        identifier,
        title: `Matrix ${identifier}`,
        status: 'work-in-progress',
        visibility: 'partners',
        registers: [],
      });
      expect(created.status).toBe(400);
      expect(created.body.error.code).toBe('partners_without_register');
      const unshared = await createDocument(
        { owner, visibility: 'organization', register: null },
        'no-register',
      );
      const shared = await admin.json<{ error: { code: string } }>(
        'PATCH',
        `/api/v1/documents/${unshared.id}`,
        { visibility: 'partners' },
      );
      expect(shared.status).toBe(400);
      expect(shared.body.error.code).toBe('partners_without_register');
      const after = await admin.json<DocumentView>('GET', `/api/v1/documents/${unshared.id}`);
      expect(after.body).toMatchObject({ visibility: 'organization', registers: [] });
    });
  });

  describe('register zip: a readable register gives exactly the readable files shared under it', () => {
    const REGISTER_STATES: Record<Register, 'approved' | 'draft'> = {
      'ofa-dmtf': 'approved',
      'snia-dmtf': 'draft',
    };
    const readsRegister = (actor: ActorSpec, register: Register) =>
      REGISTER_STATES[register] === 'approved' ||
      (actor.email !== null && actor.membership === null) ||
      (actor.membership !== null &&
        (REGISTER_PARTIES[register] as readonly Organization[]).includes(
          actor.membership.organization,
        ));

    it.each(ACTORS)('$name', async (actor) => {
      for (const register of REGISTERS) {
        const response = await clientOf(actor).fetch(`/api/v1/registers/${register}/files.zip`);
        const bytes = Buffer.from(await response.arrayBuffer());
        if (!readsRegister(actor, register)) {
          expect(response.status, `${actor.name} ${register}`).toBe(404);
          continue;
        }
        expect(response.status, `${actor.name} ${register}`).toBe(200);
        const zip = await JSZip.loadAsync(bytes);
        // The run's shared documents only: the demo seed's are shared under these registers too.
        const entries: Record<string, string> = {};
        for (const file of Object.values(zip.files)) {
          if (file.name.startsWith('AM-shared-')) entries[file.name] = await file.async('string');
        }
        // Which documents: the permission table's answer. Which version of each: its current one,
        // as the actor reads it (earlier sections of the matrix upload newer versions).
        const expected: Record<string, string> = {};
        for (const created of shared.filter(
          ({ spec }) => spec.register === register && expectCanRead(actor, spec),
        )) {
          const document = await clientOf(actor).json<{
            versions: { id: string; label: string; filename: string; withdrawn: unknown }[];
          }>('GET', `/api/v1/documents/${created.id}`);
          const current = document.body.versions.find((version) => !version.withdrawn)!;
          const file = await clientOf(actor).fetch(
            `/api/v1/documents/${created.id}/versions/${current.id}/content`,
          );
          expected[versionDownloadName(created.identifier, current.label, current.filename)] =
            await file.text();
        }
        expect(entries, `${actor.name} ${register}`).toEqual(expected);
      }
    });
  });

  describe('sign-in hint: only an anonymous caller is told that non-public documents exist', () => {
    it.each(ACTORS)('$name', async (actor) => {
      const page = await clientOf(actor).json<{ restrictedDocumentsExist?: boolean }>(
        'GET',
        '/api/v1/documents?limit=1',
      );
      expect(page.status).toBe(200);
      expect(page.body.restrictedDocumentsExist).toBe(actor.email === null ? true : undefined);
    });
  });

  it('ran every case', () => {
    console.log(
      `authorization matrix: ${executed} cases (${ACTORS.length} actors × ${DOCUMENTS.length} documents × ${ACTIONS.length} actions, share on non-public only), ` +
        `${permissionChecks} permission checks, ${consistencyChecks} list-vs-get comparisons over ${liveDocumentIds.size} of the ${createdCount} documents the run created and ${otherDocumentIds.size} that were already there`,
    );
    expect(executed).toBe(EXPECTED_CASE_COUNT);
  });
});

// ---------------------------------------------------------------------------------------------
// Invitations: every actor lists, creates and revokes the invitations of every organization. The
// expected outcome is the permission table's invitation rows: 401 for an anonymous caller, 403 for
// a signed-in one the table does not allow (organizations are public, so there is nothing to
// hide), else 200 (list), 201 (create) or 204 (revoke). Each revoke case revokes a fresh
// invitation made by the organization's admin; afterwards that admin checks that the invitation
// was made, or revoked, exactly when the action was allowed.

const INVITATION_ACTIONS = ['list', 'create', 'revoke'] as const satisfies InvitationTableAction[];
const INVITATION_SUCCESS: Record<InvitationTableAction, number> = {
  list: 200,
  create: 201,
  revoke: 204,
};

function invitationActorKind(actor: ActorSpec, organization: Organization): InvitationActorKind {
  const membership = actor.membership;
  if (membership === null) return actor.email === null ? 'anonymous' : 'operator, no membership';
  return membership.organization === organization
    ? `organization ${membership.role}`
    : `other-organization ${membership.role}`;
}

function expectedInvitationStatus(
  actor: ActorSpec,
  action: InvitationTableAction,
  organization: Organization,
): number {
  if (actor.email === null) return 401;
  return invitationTableAllows(invitationActorKind(actor, organization), action)
    ? INVITATION_SUCCESS[action]
    : 403;
}

const INVITATION_CASES = INVITATION_ACTIONS.flatMap((action) =>
  ACTORS.flatMap((actor) => ORGANIZATIONS.map((organization) => ({ action, actor, organization }))),
);

const invitationsPath = (organization: Organization) =>
  `/api/v1/organizations/${organization}/invitations`;

let invitees = 0;
const newInvitee = () => `matrix-invitee-${++invitees}@invitees.example`;

/** The pending invitations' e-mail addresses and ids, as the organization's admin lists them. */
async function pendingInvitations(organization: Organization): Promise<Map<string, string>> {
  const listed = await adminOf(organization).json<{ items: { id: string; email: string }[] }>(
    'GET',
    invitationsPath(organization),
  );
  if (listed.status !== 200)
    throw new Error(`listing invitations failed: ${JSON.stringify(listed)}`);
  return new Map(listed.body.items.map((item) => [item.email, item.id]));
}

describe('invitation authorization matrix', () => {
  it('generates a case for every actor, organization and action', () => {
    expect(INVITATION_CASES).toHaveLength(ACTOR_COUNT * ORGANIZATIONS.length * 3);
  });

  it.each(INVITATION_ACTIONS)('%s', async (action) => {
    const cases = INVITATION_CASES.filter((entry) => entry.action === action);
    const problems = await mapLimit(cases, CONCURRENCY, async ({ actor, organization }) => {
      const expected = expectedInvitationStatus(actor, action, organization);
      const allowed = expected === INVITATION_SUCCESS[action];
      const client = clientOf(actor);
      const path = invitationsPath(organization);
      let status: number;
      let effect = '';
      if (action === 'list') {
        const listed = await client.json<{ items: unknown[] }>('GET', path);
        status = listed.status;
        if (allowed && !Array.isArray(listed.body.items)) effect = 'no items in the answer';
      } else if (action === 'create') {
        const email = newInvitee();
        status = (await client.json('POST', path, { email, role: 'member' })).status;
        const made = (await pendingInvitations(organization)).has(email);
        if (made !== allowed) effect = made ? 'invitation made' : 'no invitation made';
      } else {
        const email = newInvitee();
        const made = await adminOf(organization).json<{ id: string }>('POST', path, {
          email,
          role: 'member',
        });
        if (made.status !== 201) throw new Error(`inviting failed: ${JSON.stringify(made)}`);
        const response = await client.fetch(`${path}/${made.body.id}`, { method: 'DELETE' });
        await response.arrayBuffer();
        status = response.status;
        const revoked = !(await pendingInvitations(organization)).has(email);
        if (revoked !== allowed) effect = revoked ? 'invitation revoked' : 'invitation kept';
      }
      const where = `${actor.name} ${action} invitations of ${organization}`;
      if (status !== expected) return `${where}: expected ${expected}, got ${status}`;
      return effect ? `${where}: ${effect}` : undefined;
    });
    expect(problems.filter(Boolean)).toEqual([]);
  });
});
