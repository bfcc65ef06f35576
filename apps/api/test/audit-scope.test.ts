/**
 * Who reads which audit events. An admin reads events about their organization's objects and
 * events done on behalf of their organization; never events found through a member's other
 * memberships. The leak this guards against: an admin adds a person who works elsewhere to their
 * organization, then reads that person's confidential work at the other organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocumentWithVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import { submit } from './submission-fixtures.js';

interface AuditEvent {
  id: string;
  occurredAt: string;
  action: string;
  actor: string | null;
  objectType: string;
  objectId: string | null;
  organization: string | null;
  onBehalfOf: string | null;
  details: Record<string, unknown>;
}

const OPERATOR = 'operator@liaison.example';
const ADMINS = { ofa: 'admin@ofa.example', dmtf: 'admin@dmtf.example', snia: 'admin@snia.example' };

let api: RunningApi;
const clients = new Map<string, TestClient>();
const as = (email: string) => clients.get(email)!;

async function signInAll(emails: string[]) {
  for (const email of emails) clients.set(email, await TestClient.signIn(api.url, email));
}

async function download(client: TestClient, document: { id: string; versionId: string }) {
  const response = await client.fetch(
    `/api/v1/documents/${document.id}/versions/${document.versionId}/content`,
  );
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

/**
 * A document of `owner`, shared with its partner through the OFA/DMTF register,
 * downloaded by `reader`.
 */
async function downloadSharedDocument(owner: 'ofa' | 'dmtf', identifier: string, reader: string) {
  const shared = await createDocumentWithVersion(as(ADMINS[owner]), {
    organization: owner,
    identifier,
    visibility: 'partners',
    registers: ['ofa-dmtf'],
  });
  await download(as(reader), shared);
  return shared;
}

/** Every event the caller can read (newest first), walking every page. */
async function readableEvents(client: TestClient, query = ''): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: AuditEvent[]; nextCursor: string | null } } =
      await client.json(
        'GET',
        `/api/v1/audit?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
    expect(page.status).toBe(200);
    events.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return events;
}

const isSignIn = (event: AuditEvent) => event.action.startsWith('auth.');

/** The document an event is about, for events about documents and their versions. */
function documentOf(event: AuditEvent): string | null {
  if (event.objectType === 'document') return event.objectId;
  if (event.objectType === 'version') return (event.details.documentId as string) ?? null;
  return null;
}

/**
 * The invariant: every event an admin of `organization` reads is about their organization's object,
 * or was done on their organization's behalf about an object that admin can read.
 */
async function expectOnlyOwnBusiness(organization: keyof typeof ADMINS) {
  const admin = as(ADMINS[organization]);
  const members = await admin.json<{ items: Array<{ email: string; since: string }> }>(
    'GET',
    `/api/v1/organizations/${organization}/members`,
  );
  const since = new Map(members.body.items.map((member) => [member.email, member.since]));
  for (const event of await readableEvents(admin)) {
    if (event.organization === organization) continue;
    if (isSignIn(event)) {
      // A member's own sign-in, from the day they joined; about no organization's object.
      expect(event.organization, JSON.stringify(event)).toBeNull();
      expect(since.get(event.actor ?? ''), JSON.stringify(event)).toBeDefined();
      expect(event.occurredAt >= since.get(event.actor ?? '')!, JSON.stringify(event)).toBe(true);
      continue;
    }
    expect(event.onBehalfOf, JSON.stringify(event)).toBe(organization);
    const documentId = documentOf(event);
    if (documentId) {
      const read = await admin.json('GET', `/api/v1/documents/${documentId}`);
      expect(read.status, `${organization} reads ${JSON.stringify(event)}`).toBe(200);
    } else if (event.objectType === 'submission') {
      const read = await admin.json('GET', `/api/v1/submissions/${event.objectId}`);
      expect(read.status, `${organization} reads ${JSON.stringify(event)}`).toBe(200);
    }
  }
}

beforeAll(async () => {
  api = await startApi();
  await signInAll([
    OPERATOR,
    ...Object.values(ADMINS),
    'editor@ofa.example',
    'member@dmtf.example',
  ]);
});

afterAll(async () => {
  await api?.close();
});

describe('a person who works in two organizations', () => {
  let ofaOnly: { id: string; versionId: string };
  let submissionId: string;

  beforeAll(async () => {
    // The person joins SNIA (with consent: the operator adds them), then works as usual at OFA.
    const joined = await as(OPERATOR).json('POST', '/api/v1/organizations/snia/members', {
      email: 'editor@ofa.example',
      role: 'member',
    });
    expect(joined.status).toBe(201);
    const editor = await TestClient.signIn(api.url, 'editor@ofa.example');
    clients.set('editor@ofa.example', editor);

    ofaOnly = await createDocumentWithVersion(editor, {
      organization: 'ofa',
      identifier: 'OFA-SECRET-1',
      visibility: 'organization',
    });
    const edited = await editor.json('PATCH', `/api/v1/documents/${ofaOnly.id}`, {
      title: 'Confidential OFA roadmap, revised',
      abstract: 'Names of members about to join',
    });
    expect(edited.status).toBe(200);
    const other = await createDocumentWithVersion(as(ADMINS.ofa), {
      organization: 'ofa',
      identifier: 'OFA-SECRET-2',
      visibility: 'organization',
    });
    await download(editor, other);
    submissionId = (await submit(editor, { title: 'Confidential fabric contribution' })).id;
  });

  it("shows none of the person's OFA work to SNIA's admin (the reported leak)", async () => {
    const byPerson = await readableEvents(as(ADMINS.snia), '&actor=editor@ofa.example');
    // Only the person's own sign-in since joining SNIA: nothing of what they did.
    expect(byPerson.map((event) => event.action)).toEqual(['auth.login']);
    // The objects themselves are hidden from SNIA's admin, and so is every trace of them.
    expect((await as(ADMINS.snia).json('GET', `/api/v1/documents/${ofaOnly.id}`)).status).toBe(404);
    const everything = JSON.stringify(await readableEvents(as(ADMINS.snia)));
    for (const secret of [
      ofaOnly.id,
      'Confidential OFA roadmap',
      'Names of members about to join',
      submissionId,
      'Confidential fabric contribution',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("shows OFA's admin the work done on OFA's behalf, recorded as such", async () => {
    const events = await readableEvents(as(ADMINS.ofa), '&actor=editor@ofa.example');
    const actions = events.map((event) => event.action);
    for (const action of ['document.create', 'document.update', 'version.download']) {
      expect(actions).toContain(action);
    }
    expect(actions).toContain('submission.create');
    const work = events.filter((event) => !isSignIn(event));
    expect(new Set(work.map((event) => event.onBehalfOf))).toEqual(new Set(['ofa']));
    // Their sign-ins are there too, done for no organization.
    expect(events.filter(isSignIn).map((event) => event.onBehalfOf)).toContain(null);
  });

  it("does not show SNIA's admin what the person does at SNIA's partners either", async () => {
    // The person reads a DMTF document shared with OFA: done for OFA, not for SNIA.
    await downloadSharedDocument('dmtf', 'DSP-SHARED-OFA', 'editor@ofa.example');
    const downloads = await readableEvents(as(ADMINS.snia), '&action=version.download');
    expect(downloads.filter((event) => event.actor === 'editor@ofa.example')).toEqual([]);
    const dmtfView = await readableEvents(as(ADMINS.dmtf), '&action=version.download');
    expect(dmtfView).toContainEqual(
      expect.objectContaining({
        actor: 'editor@ofa.example',
        organization: 'dmtf',
        onBehalfOf: 'ofa',
      }),
    );
  });
});

describe("members' sign-ins", () => {
  it('shows an admin the sign-ins and failed sign-ins of their members, from the day they joined', async () => {
    const before = await TestClient.signIn(api.url, 'member@snia.example');
    expect(before).toBeDefined();
    const joined = await as(OPERATOR).json('POST', '/api/v1/organizations/dmtf/members', {
      email: 'member@snia.example',
      role: 'member',
    });
    expect(joined.status).toBe(201);
    const failed = await new TestClient(api.url).json('POST', '/api/v1/auth/token', {
      email: 'member@snia.example',
      password: 'not the password at all',
    });
    expect(failed.status).toBe(401);
    await TestClient.signIn(api.url, 'member@snia.example');

    const seenByDmtf = await readableEvents(as(ADMINS.dmtf), '&actor=member@snia.example');
    expect(seenByDmtf.map((event) => event.action)).toEqual(['auth.login', 'auth.login-failed']);
    // SNIA's admin sees all three: the person was a SNIA member the whole time.
    const seenBySnia = await readableEvents(as(ADMINS.snia), '&actor=member@snia.example');
    expect(seenBySnia.map((event) => event.action).slice(0, 3)).toEqual([
      'auth.login',
      'auth.login-failed',
      'auth.login',
    ]);
    // OFA's admin, whose organization the person never joined, sees none.
    expect(await readableEvents(as(ADMINS.ofa), '&actor=member@snia.example')).toEqual([]);
    // The organization filter finds members' sign-ins too.
    const filtered = await readableEvents(
      as(ADMINS.dmtf),
      '&organization=dmtf&actor=member@snia.example',
    );
    expect(filtered.map((event) => event.action)).toEqual(['auth.login', 'auth.login-failed']);
  });
});

describe('the operator who is also a member of an organization', () => {
  it("keeps the operator's work on other organizations out of that organization's log", async () => {
    const joined = await as(OPERATOR).json('POST', '/api/v1/organizations/snia/members', {
      email: OPERATOR,
      role: 'member',
    });
    expect(joined.status).toBe(201);
    const operator = await TestClient.signIn(api.url, OPERATOR);
    const updated = await operator.json('PATCH', '/api/v1/organizations/ofa', {
      description: 'Confidential reorganization note',
    });
    expect(updated.status).toBe(200);
    const added = await operator.json('POST', '/api/v1/organizations/ofa/members', {
      email: 'new-hire@ofa.example',
      role: 'member',
    });
    expect(added.status).toBe(201);

    const operatorEvents = await readableEvents(operator, `&actor=${OPERATOR}`);
    const onOfa = operatorEvents.filter((event) => event.organization === 'ofa');
    expect(onOfa.length).toBeGreaterThanOrEqual(2);
    expect(onOfa.every((event) => event.onBehalfOf === null)).toBe(true);

    const sniaView = JSON.stringify(await readableEvents(as(ADMINS.snia)));
    expect(sniaView).not.toContain('Confidential reorganization note');
    expect(sniaView).not.toContain('new-hire@ofa.example');
  });
});

describe('reading what members did elsewhere', () => {
  it('lets the DMTF admin see a DMTF member download an OFA document, done for DMTF', async () => {
    const shared = await downloadSharedDocument('ofa', 'OFA-SHARED-DMTF', 'member@dmtf.example');
    const expected = expect.objectContaining({
      action: 'version.download',
      actor: 'member@dmtf.example',
      objectId: shared.versionId,
      organization: 'ofa',
      onBehalfOf: 'dmtf',
    });
    expect(await readableEvents(as(ADMINS.dmtf), '&action=version.download')).toContainEqual(
      expected,
    );
    expect(await readableEvents(as(ADMINS.ofa), '&action=version.download')).toContainEqual(
      expected,
    );
    const snia = await readableEvents(as(ADMINS.snia), '&action=version.download');
    expect(snia.map((event) => event.objectId)).not.toContain(shared.versionId);
  });

  it('filters by organization: events about its objects or done on its behalf', async () => {
    const events = await readableEvents(as(ADMINS.dmtf), '&organization=dmtf');
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.every(
        (event) => event.organization === 'dmtf' || event.onBehalfOf === 'dmtf' || isSignIn(event),
      ),
    ).toBe(true);
  });
});

describe('the invariant, over everything the tests above did', () => {
  it.each(Object.keys(ADMINS) as (keyof typeof ADMINS)[])(
    'an admin of %s reads only events about its objects, or done for it about what it can read',
    async (organization) => {
      await expectOnlyOwnBusiness(organization);
    },
  );

  it('lets the operator read every event, members none', async () => {
    const all = await readableEvents(as(OPERATOR));
    const admins = await Promise.all(
      Object.values(ADMINS).map((email) => readableEvents(as(email))),
    );
    const seen = new Set(admins.flat().map((event) => event.id));
    expect(all.length).toBeGreaterThan(seen.size);
    for (const id of seen) expect(all.map((event) => event.id)).toContain(id);
    expect((await as('member@dmtf.example').json('GET', '/api/v1/audit')).status).toBe(403);
  });
});
