/**
 * Managing organizations, their members and work registers, and the register page, against the
 * live API over HTTP. Expected outcomes are written here from docs/architecture.md (admins of an
 * organization manage its members, the operator may too; the operator manages organizations and
 * registers; approved registers are public, drafts are for their parties and the operator), not
 * from packages/core.
 *
 * Anonymous callers get 401 on every management route (sign-in is asked for before anything is
 * looked up); signed-in callers who may not act get 403 (organizations are public, so there is
 * nothing to hide), or 404 for a draft register they may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorAnswer, TestClient } from './client.js';
import { membershipRole, type RunningApi, startApi } from './helpers.js';
import { tableStates } from './state-snapshot.js';

const OPERATOR = 'operator@liaison.example';
const ANONYMOUS = 'anonymous';
const DEMO_USERS = [
  ...['ofa', 'dmtf', 'snia'].flatMap((org) =>
    ['admin', 'editor', 'member'].map((role) => `${role}@${org}.example`),
  ),
  OPERATOR,
];
const ACTORS = [...DEMO_USERS, ANONYMOUS];

interface Me {
  id: string;
  email: string;
  name: string;
  memberships: { organization: string; role: string }[];
  operator: boolean;
}
interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  since: string;
}
interface DocumentSummary {
  id: string;
  identifier: string;
  organization: string;
  visibility: string;
  registers: string[];
}
interface RegisterPage {
  slug: string;
  title: string;
  version: string;
  state: string;
  initiatedOn: string | null;
  reviewDue: string | null;
  summary: string;
  reviewProcess: string;
  parties: { organization: string; name: string; description: string }[];
  permissions: { manage: boolean };
  documents: { items: DocumentSummary[]; nextCursor: string | null };
}

let api: RunningApi;
const clients = new Map<string, TestClient>();
const users = new Map<string, Me>();

const as = (actor: string): TestClient => {
  const client = clients.get(actor);
  if (!client) throw new Error(`no client for ${actor}`);
  return client;
};
const idOf = (email: string): string => {
  const user = users.get(email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
};

/** The answer a management route gives `actor` when only `allowed` may act. */
const expectedStatus = (actor: string, allowed: readonly string[], success: number) =>
  actor === ANONYMOUS ? 401 : allowed.includes(actor) ? success : 403;

/** Unique, address-safe name for an actor, for people each case adds. */
const tag = (actor: string) => actor.replace(/[^a-z0-9]/g, '-');

beforeAll(async () => {
  api = await startApi();
  for (const email of DEMO_USERS) {
    const client = await TestClient.signIn(api.url, email);
    clients.set(email, client);
    const me = await client.json<Me>('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    users.set(email, me.body);
  }
  clients.set(ANONYMOUS, new TestClient(api.url));
});

afterAll(async () => {
  await api?.close();
});

// ---------------------------------------------------------------------------------------------
// State snapshots: a refused request changes nothing
// ---------------------------------------------------------------------------------------------

const TABLES = [
  'organizations',
  'users',
  'memberships',
  'work_registers',
  'register_parties',
  'documents',
  'document_registers',
  'audit_events',
  'invitations',
  'mail_outbox',
];

async function expectUnchanged<T>(action: () => Promise<T>): Promise<T> {
  const before = await tableStates(api.pool, TABLES);
  const result = await action();
  expect(await tableStates(api.pool, TABLES)).toEqual(before);
  return result;
}

const roleIn = (organization: string, email: string) =>
  membershipRole(api.pool, organization, email);

async function userRow(email: string) {
  const { rows } = await api.pool.query<{ id: string; name: string; password_hash: string | null }>(
    'select id, name, password_hash from users where lower(email) = lower($1)',
    [email],
  );
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/me
// ---------------------------------------------------------------------------------------------

describe('GET /api/v1/me', () => {
  it.each(DEMO_USERS)('answers %s with their account and memberships', async (email) => {
    const { status, body } = await as(email).json<Me>('GET', '/api/v1/me');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['email', 'id', 'memberships', 'name', 'operator']);
    expect(body.email).toBe(email);
    if (email === OPERATOR) {
      expect(body).toMatchObject({ operator: true, memberships: [] });
    } else {
      const [role, org] = email.replace('.example', '').split('@');
      expect(body).toMatchObject({ operator: false, memberships: [{ organization: org, role }] });
    }
  });

  it('answers the same user as the sign-in does', async () => {
    const response = await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@dmtf.example', password: 'liaison-demo' }),
    });
    const signIn = (await response.json()) as { user: Me };
    expect(users.get('editor@dmtf.example')).toEqual(signIn.user);
  });

  it('refuses anonymous callers with 401', async () => {
    const { status, body } = await as(ANONYMOUS).json<ErrorAnswer>('GET', '/api/v1/me');
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });
});

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

const OFA_MANAGERS = ['admin@ofa.example', OPERATOR];
/** Adding a person without their consent is the operator's alone; admins invite. */
const DIRECT_ADDERS = [OPERATOR];

describe('who may manage the members of ofa', () => {
  it.each(ACTORS)('list: %s', async (actor) => {
    const answer = await as(actor).json<{ items: Member[] }>(
      'GET',
      '/api/v1/organizations/ofa/members',
    );
    expect(answer.status).toBe(expectedStatus(actor, OFA_MANAGERS, 200));
    if (answer.status !== 200) return;
    const admin = answer.body.items.find((member) => member.email === 'admin@ofa.example');
    expect(admin).toEqual({
      userId: idOf('admin@ofa.example'),
      email: 'admin@ofa.example',
      name: 'OFA Admin',
      role: 'admin',
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const emails = answer.body.items.map((member) => member.email);
    expect(emails).toEqual(
      expect.arrayContaining(['admin@ofa.example', 'editor@ofa.example', 'member@ofa.example']),
    );
    expect(emails.some((email) => email.endsWith('@dmtf.example'))).toBe(false);
  });

  it.each(ACTORS)('add directly: %s', async (actor) => {
    const email = `added-by-${tag(actor)}@people.example`;
    const expected = expectedStatus(actor, DIRECT_ADDERS, 201);
    const send = () =>
      as(actor).json<Member>('POST', '/api/v1/organizations/ofa/members', {
        email,
        role: 'member',
        name: `Added by ${actor}`,
      });
    const answer = expected === 201 ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expected);
    if (expected === 201) {
      expect(answer.body).toMatchObject({ email, role: 'member', name: `Added by ${actor}` });
      expect(await roleIn('ofa', email)).toBe('member');
    } else {
      expect(await userRow(email)).toBeUndefined();
      if (OFA_MANAGERS.includes(actor)) {
        expect((answer.body as unknown as ErrorAnswer).error.code).toBe('invitation_required');
      }
    }
  });

  it.each(ACTORS)('invite: %s', async (actor) => {
    const email = `invited-by-${tag(actor)}@people.example`;
    const expected = expectedStatus(actor, OFA_MANAGERS, 201);
    const send = () =>
      as(actor).json<{ email: string; role: string }>(
        'POST',
        '/api/v1/organizations/ofa/invitations',
        { email, role: 'editor' },
      );
    const answer = expected === 201 ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expected);
    if (expected === 201) {
      expect(answer.body).toMatchObject({ email, role: 'editor' });
    }
    // An invitation makes nobody a member until they accept it.
    expect(await userRow(email)).toBeUndefined();
  });

  it.each(ACTORS)('change a role: %s', async (actor) => {
    const allowed = OFA_MANAGERS.includes(actor);
    // Allowed actors promote someone the operator just added; the others try to promote member@ofa.
    let target = 'member@ofa.example';
    if (allowed) {
      target = `promoted-by-${tag(actor)}@people.example`;
      const added = await as(OPERATOR).json<Member>('POST', '/api/v1/organizations/ofa/members', {
        email: target,
        role: 'member',
      });
      expect(added.status).toBe(201);
      users.set(target, { id: added.body.userId } as Me);
    }
    const send = () =>
      as(actor).json<Member>('PATCH', `/api/v1/organizations/ofa/members/${idOf(target)}`, {
        role: 'editor',
      });
    const answer = allowed ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expectedStatus(actor, OFA_MANAGERS, 200));
    expect(await roleIn('ofa', target)).toBe(allowed ? 'editor' : 'member');
    if (allowed) expect(answer.body).toMatchObject({ email: target, role: 'editor' });
  });

  it.each(ACTORS)('remove: %s', async (actor) => {
    const allowed = OFA_MANAGERS.includes(actor);
    const target = allowed ? `promoted-by-${tag(actor)}@people.example` : 'editor@ofa.example';
    const send = async () => {
      const response = await as(actor).fetch(`/api/v1/organizations/ofa/members/${idOf(target)}`, {
        method: 'DELETE',
      });
      return { status: response.status, text: await response.text() };
    };
    const answer = allowed ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expectedStatus(actor, OFA_MANAGERS, 204));
    if (allowed) {
      expect(answer.text).toBe('');
      expect(await roleIn('ofa', target)).toBeNull();
      // The person stays in Liaison; only the membership ended.
      expect(await userRow(target)).toBeDefined();
    } else {
      expect(await roleIn('ofa', target)).toBe('editor');
    }
  });

  it('lets each organization admin manage their own members, and no other organization', async () => {
    expect(
      (await as('admin@dmtf.example').json('GET', '/api/v1/organizations/dmtf/members')).status,
    ).toBe(200);
    expect(
      (await as('admin@snia.example').json('GET', '/api/v1/organizations/snia/members')).status,
    ).toBe(200);
    expect(
      (await as('admin@snia.example').json('GET', '/api/v1/organizations/dmtf/members')).status,
    ).toBe(403);
  });

  it('answers 404 for an organization that does not exist', async () => {
    for (const actor of ['admin@ofa.example', 'member@ofa.example', OPERATOR]) {
      const list = await as(actor).json<ErrorAnswer>('GET', '/api/v1/organizations/nope/members');
      expect(list.status).toBe(404);
      expect(list.body.error.code).toBe('not_found');
    }
    const add = await expectUnchanged(() =>
      as(OPERATOR).json('POST', '/api/v1/organizations/nope/members', {
        email: 'x@people.example',
        role: 'member',
      }),
    );
    expect(add.status).toBe(404);
  });

  it('answers 404 for someone who is not a member', async () => {
    const dmtfMember = idOf('member@dmtf.example');
    await expectUnchanged(async () => {
      const patch = await as('admin@ofa.example').json(
        'PATCH',
        `/api/v1/organizations/ofa/members/${dmtfMember}`,
        { role: 'editor' },
      );
      expect(patch.status).toBe(404);
      const remove = await as('admin@ofa.example').fetch(
        `/api/v1/organizations/ofa/members/${dmtfMember}`,
        { method: 'DELETE' },
      );
      expect(remove.status).toBe(404);
    });
  });
});

describe('adding people', () => {
  it('creates a person new to Liaison without a password, who cannot sign in with one', async () => {
    const added = await as(OPERATOR).json<Member>('POST', '/api/v1/organizations/ofa/members', {
      email: 'Grace.Hopper@Fabrics.example',
      role: 'editor',
      name: 'Grace Hopper',
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'grace.hopper@fabrics.example',
      name: 'Grace Hopper',
      role: 'editor',
      since: expect.any(String),
    });
    const row = await userRow('grace.hopper@fabrics.example');
    expect(row).toMatchObject({ id: added.body.userId, name: 'Grace Hopper', password_hash: null });
    const signIn = await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'grace.hopper@fabrics.example', password: 'liaison-demo' }),
    });
    expect(signIn.status).toBe(401);
  });

  it('names a new person after their address when no name is given', async () => {
    const added = await as(OPERATOR).json<Member>('POST', '/api/v1/organizations/dmtf/members', {
      email: 'ada@engines.example',
      role: 'member',
    });
    expect(added.status).toBe(201);
    expect(added.body.name).toBe('ada');
  });

  it('adds someone already in Liaison as they are, keeping their name', async () => {
    const added = await as(OPERATOR).json<Member>('POST', '/api/v1/organizations/ofa/members', {
      email: 'EDITOR@dmtf.example',
      role: 'member',
      name: 'Someone Else',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      userId: idOf('editor@dmtf.example'),
      email: 'editor@dmtf.example',
      name: 'DMTF Editor',
      role: 'member',
    });
    const { rows } = await api.pool.query('select 1 from users where lower(email) = $1', [
      'editor@dmtf.example',
    ]);
    expect(rows).toHaveLength(1);
    // The membership counts at once: their next request sees both organizations.
    const me = await as('editor@dmtf.example').json<Me>('GET', '/api/v1/me');
    expect(me.body.memberships).toEqual([
      { organization: 'dmtf', role: 'editor' },
      { organization: 'ofa', role: 'member' },
    ]);
    // Restore, so later cases see the demo memberships again.
    const removed = await as('admin@ofa.example').fetch(
      `/api/v1/organizations/ofa/members/${idOf('editor@dmtf.example')}`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(204);
  });

  it('refuses someone who is already a member with 409 already_member, changing nothing', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json<ErrorAnswer>('POST', '/api/v1/organizations/ofa/members', {
        email: 'member@ofa.example',
        role: 'admin',
      }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('already_member');
    expect(await roleIn('ofa', 'member@ofa.example')).toBe('member');
  });

  it.each([
    ['an address without @', { email: 'not-an-address', role: 'member' }],
    ['an unknown role', { email: 'x@people.example', role: 'owner' }],
    ['an unknown field', { email: 'x@people.example', role: 'member', operator: true }],
    ['an empty name', { email: 'x@people.example', role: 'member', name: '' }],
    ['no role', { email: 'x@people.example' }],
    ['a number for a role', { email: 'x@people.example', role: 3 }],
  ])('refuses %s with 400, changing nothing', async (_case, body) => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json<ErrorAnswer>('POST', '/api/v1/organizations/ofa/members', body),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
  });

  it('refuses a bad role change or a malformed user id with 400', async () => {
    await expectUnchanged(async () => {
      const role = await as('admin@ofa.example').json(
        'PATCH',
        `/api/v1/organizations/ofa/members/${idOf('member@ofa.example')}`,
        { role: 'owner' },
      );
      expect(role.status).toBe(400);
      const extra = await as('admin@ofa.example').json(
        'PATCH',
        `/api/v1/organizations/ofa/members/${idOf('member@ofa.example')}`,
        { role: 'editor', name: 'x' },
      );
      expect(extra.status).toBe(400);
      const id = await as('admin@ofa.example').json(
        'PATCH',
        '/api/v1/organizations/ofa/members/not-a-uuid',
        { role: 'editor' },
      );
      expect(id.status).toBe(400);
    });
  });
});

describe('an organization always keeps an admin', () => {
  it('refuses to demote or remove the last admin with 409 last_admin, changing nothing', async () => {
    const sniaAdmin = idOf('admin@snia.example');
    for (const actor of ['admin@snia.example', OPERATOR]) {
      await expectUnchanged(async () => {
        const demote = await as(actor).json<ErrorAnswer>(
          'PATCH',
          `/api/v1/organizations/snia/members/${sniaAdmin}`,
          { role: 'editor' },
        );
        expect(demote.status).toBe(409);
        expect(demote.body.error.code).toBe('last_admin');
        const remove = await as(actor).json<ErrorAnswer>(
          'DELETE',
          `/api/v1/organizations/snia/members/${sniaAdmin}`,
        );
        expect(remove.status).toBe(409);
        expect(remove.body.error.code).toBe('last_admin');
      });
    }
    expect(await roleIn('snia', 'admin@snia.example')).toBe('admin');
  });

  it('lets the last admin hand over: promote someone, then step down', async () => {
    const promote = await as('admin@snia.example').json(
      'PATCH',
      `/api/v1/organizations/snia/members/${idOf('editor@snia.example')}`,
      { role: 'admin' },
    );
    expect(promote.status).toBe(200);
    const stepDown = await as('admin@snia.example').json<Member>(
      'PATCH',
      `/api/v1/organizations/snia/members/${idOf('admin@snia.example')}`,
      { role: 'editor' },
    );
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.role).toBe('editor');
    // Now editor@snia is the last admin, and admin@snia may no longer manage members.
    expect(
      (await as('admin@snia.example').json('GET', '/api/v1/organizations/snia/members')).status,
    ).toBe(403);
    const removeLast = await as('editor@snia.example').json<ErrorAnswer>(
      'DELETE',
      `/api/v1/organizations/snia/members/${idOf('editor@snia.example')}`,
    );
    expect(removeLast.status).toBe(409);
    expect(removeLast.body.error.code).toBe('last_admin');
    // Hand back, so later cases see the demo roles again.
    expect(
      (
        await as('editor@snia.example').json(
          'PATCH',
          `/api/v1/organizations/snia/members/${idOf('admin@snia.example')}`,
          { role: 'admin' },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await as('admin@snia.example').json(
          'PATCH',
          `/api/v1/organizations/snia/members/${idOf('editor@snia.example')}`,
          { role: 'editor' },
        )
      ).status,
    ).toBe(200);
  });

  it('keeps an admin when every admin is demoted at the same moment', async () => {
    const extra: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const added = await as(OPERATOR).json<Member>('POST', '/api/v1/organizations/dmtf/members', {
        email: `extra-admin-${n}@dmtf.example`,
        role: 'admin',
      });
      expect(added.status).toBe(201);
      extra.push(added.body.userId);
    }
    const admins = [idOf('admin@dmtf.example'), ...extra];
    const answers = await Promise.all(
      admins.map((userId) =>
        as(OPERATOR).json('PATCH', `/api/v1/organizations/dmtf/members/${userId}`, {
          role: 'member',
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 409]);
    const { rows } = await api.pool.query(
      `select 1 from memberships m join organizations o on o.id = m.organization_id
        where o.slug = 'dmtf' and m.role = 'admin'`,
    );
    expect(rows).toHaveLength(1);

    // Restore: admin@dmtf the one admin, the extra admins gone.
    const restored = await as(OPERATOR).json(
      'PATCH',
      `/api/v1/organizations/dmtf/members/${idOf('admin@dmtf.example')}`,
      { role: 'admin' },
    );
    expect(restored.status).toBe(200);
    for (const userId of extra) {
      const removed = await as(OPERATOR).fetch(`/api/v1/organizations/dmtf/members/${userId}`, {
        method: 'DELETE',
      });
      expect(removed.status).toBe(204);
    }
    expect(await roleIn('dmtf', 'admin@dmtf.example')).toBe('admin');
  });
});

describe('the membership audit trail', () => {
  interface AuditEvent {
    action: string;
    actor: string | null;
    objectType: string;
    objectId: string | null;
    organization: string | null;
    details: Record<string, unknown>;
  }

  it("is readable by the organization's admins, in the organization's events", async () => {
    const { status, body } = await as('admin@ofa.example').json<{ items: AuditEvent[] }>(
      'GET',
      '/api/v1/audit?organization=ofa&limit=500',
    );
    expect(status).toBe(200);
    const events = body.items.filter((event) => event.action.startsWith('membership.'));
    const target = `promoted-by-${tag(OPERATOR)}@people.example`;
    const targetId = idOf(target);
    expect(events).toEqual(
      expect.arrayContaining([
        {
          ...base(targetId, null),
          action: 'membership.add',
          actor: OPERATOR,
          details: { email: target, role: 'member', newUser: true },
        },
        {
          ...base(targetId, null),
          action: 'membership.change-role',
          actor: OPERATOR,
          details: { email: target, from: 'member', to: 'editor' },
        },
        {
          ...base(targetId, null),
          action: 'membership.remove',
          actor: OPERATOR,
          details: { email: target, role: 'editor' },
        },
        {
          ...base(idOf('editor@dmtf.example'), null),
          action: 'membership.add',
          actor: OPERATOR,
          details: { email: 'editor@dmtf.example', role: 'member', newUser: false },
        },
        {
          ...base(expect.any(String), 'ofa'),
          objectType: 'invitation',
          action: 'membership.invite',
          actor: 'admin@ofa.example',
          details: {
            email: `invited-by-${tag('admin@ofa.example')}@people.example`,
            role: 'editor',
            expiresAt: expect.any(String),
          },
        },
      ]),
    );
    // Refused attempts leave no membership event behind.
    const actors = new Set(events.map((event) => event.actor));
    expect([...actors].sort()).toEqual(['admin@ofa.example', OPERATOR]);

    // The operator manages OFA as the operator (for no organization); OFA's admin acts for OFA.
    function base(objectId: string, onBehalfOf: string | null) {
      return {
        id: expect.any(String),
        occurredAt: expect.any(String),
        objectType: 'membership',
        objectId,
        // The person's or the invitee's address: the reader administers their organization.
        objectName: expect.stringMatching(/@/),
        organization: 'ofa',
        onBehalfOf,
        address: expect.any(String),
      };
    }
  });

  it("is not readable by other organizations' admins or by members", async () => {
    const dmtfAdmin = await as('admin@dmtf.example').json<{ items: AuditEvent[] }>(
      'GET',
      '/api/v1/audit?organization=ofa&action=membership.add',
    );
    expect(dmtfAdmin.status).toBe(200);
    expect(dmtfAdmin.body.items).toEqual([]);
    expect(
      (await as('member@ofa.example').json('GET', '/api/v1/audit?organization=ofa')).status,
    ).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

describe('managing organizations', () => {
  it.each(ACTORS)('create: %s', async (actor) => {
    const slug = `org-${tag(actor)}`.slice(0, 60);
    const send = () =>
      as(actor).json<Record<string, unknown>>('POST', '/api/v1/organizations', {
        slug,
        name: `Organization of ${actor}`,
      });
    const expected = expectedStatus(actor, [OPERATOR], 201);
    const answer = expected === 201 ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expected);
    if (expected === 201) {
      expect(answer.body).toEqual({
        slug,
        name: `Organization of ${actor}`,
        description: '',
        signIn: { password: true, sso: null },
        iprPolicy: '',
        iprPolicyUrl: null,
        createdAt: expect.any(String),
      });
    }
  });

  it.each(ACTORS)('change: %s', async (actor) => {
    const send = () =>
      as(actor).json<Record<string, unknown>>('PATCH', '/api/v1/organizations/snia', {
        description: `Described by ${actor}`,
      });
    const expected = expectedStatus(actor, [OPERATOR], 200);
    const answer = expected === 200 ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expected);
    if (expected === 200) expect(answer.body.description).toBe(`Described by ${OPERATOR}`);
  });

  it('keeps a link to the official IPR policy beside its text: https only, removable', async () => {
    const policyOf = async () =>
      (
        await as(ANONYMOUS).json<{ text: string; url: string | null }>(
          'GET',
          '/api/v1/organizations/snia/ipr-policy',
        )
      ).body;
    const before = await policyOf();
    expect(before.url).toBeNull();
    for (const bad of ['http://www.snia.org/ipr', 'javascript:alert(1)', 'https://a b']) {
      const refused = await as(OPERATOR).json<{ error: { code: string } }>(
        'PATCH',
        '/api/v1/organizations/snia',
        { iprPolicyUrl: bad },
      );
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.code).toBe('invalid_input');
    }
    expect(await policyOf()).toEqual(before);

    const url = 'https://www.snia.org/about/corporate_info/ip_policy';
    const set = await as(OPERATOR).json<{ iprPolicyUrl: string | null }>(
      'PATCH',
      '/api/v1/organizations/snia',
      { iprPolicyUrl: url },
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.iprPolicyUrl).toBe(url);
    expect(await policyOf()).toEqual({ ...before, url });
    const editorTries = await as('admin@snia.example').json('PATCH', '/api/v1/organizations/snia', {
      iprPolicyUrl: '',
    });
    expect(editorTries.status).toBe(403);
    expect((await policyOf()).url).toBe(url);

    const cleared = await as(OPERATOR).json('PATCH', '/api/v1/organizations/snia', {
      iprPolicyUrl: '',
    });
    expect(cleared.status).toBe(200);
    expect(await policyOf()).toEqual(before);
  });

  it('creates an organization whose first admin the operator then adds, all audited', async () => {
    const created = await as(OPERATOR).json('POST', '/api/v1/organizations', {
      slug: 'ocp',
      name: 'Open Compute Project',
      description: 'Hardware designs for the data center.',
      iprPolicy: 'Contributions are made under the OCP contribution license.',
    });
    expect(created.status).toBe(201);
    const listed = await as(ANONYMOUS).json<{ items: { slug: string }[] }>(
      'GET',
      '/api/v1/organizations',
    );
    expect(listed.body.items.map((org) => org.slug)).toContain('ocp');

    const firstAdmin = await as(OPERATOR).json<Member>(
      'POST',
      '/api/v1/organizations/ocp/members',
      {
        email: 'chair@ocp.example',
        role: 'admin',
        name: 'OCP Chair',
      },
    );
    expect(firstAdmin.status).toBe(201);

    const changed = await as(OPERATOR).json<Record<string, unknown>>(
      'PATCH',
      '/api/v1/organizations/ocp',
      {
        name: 'Open Compute Project Foundation',
        iprPolicy: 'Contributions are made under the OCP CLA.',
        passwordLogin: false,
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      slug: 'ocp',
      name: 'Open Compute Project Foundation',
      description: 'Hardware designs for the data center.',
      iprPolicy: 'Contributions are made under the OCP CLA.',
      signIn: { password: false, sso: null },
    });
    // GET /organizations/:slug shows the same organization, minus what only managers need.
    const shown = await as(ANONYMOUS).json<Record<string, unknown>>(
      'GET',
      '/api/v1/organizations/ocp',
    );
    const {
      iprPolicy: _ipr,
      iprPolicyUrl: _url,
      createdAt: _created,
      ...publicPart
    } = changed.body;
    expect(shown.body).toEqual(publicPart);

    const audit = await as(OPERATOR).json<{
      items: { action: string; organization: string; details: Record<string, unknown> }[];
    }>('GET', '/api/v1/audit?organization=ocp');
    expect(audit.body.items.map((event) => event.action)).toEqual([
      'organization.update',
      'membership.add',
      'organization.create',
    ]);
    expect(audit.body.items[0]!.details).toEqual({
      changes: {
        name: { from: 'Open Compute Project', to: 'Open Compute Project Foundation' },
        passwordLogin: { from: true, to: false },
        iprPolicySha256: { from: expect.stringMatching(/^[0-9a-f]{64}$/), to: expect.any(String) },
      },
    });
  });

  it('refuses a taken slug with 409 duplicate_slug, changing nothing', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json<ErrorAnswer>('POST', '/api/v1/organizations', {
        slug: 'dmtf',
        name: 'Another DMTF',
      }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('duplicate_slug');
  });

  it('answers 404 for changes to an organization that does not exist', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json('PATCH', '/api/v1/organizations/nope', { name: 'Nope' }),
    );
    expect(answer.status).toBe(404);
  });

  it.each([
    ['POST', '/api/v1/organizations', { slug: 'Bad Slug', name: 'x' }],
    ['POST', '/api/v1/organizations', { slug: '-lead', name: 'x' }],
    ['POST', '/api/v1/organizations', { slug: 'fine', name: '' }],
    ['POST', '/api/v1/organizations', { slug: 'fine' }],
    ['POST', '/api/v1/organizations', { slug: 'fine', name: 'x', passwordLogin: false }],
    ['PATCH', '/api/v1/organizations/ofa', {}],
    ['PATCH', '/api/v1/organizations/ofa', { slug: 'renamed' }],
    ['PATCH', '/api/v1/organizations/ofa', { passwordLogin: 'no' }],
    ['PATCH', '/api/v1/organizations/ofa', { name: 'x'.repeat(201) }],
  ])('refuses %s %s %j with 400, changing nothing', async (method, path, body) => {
    const answer = await expectUnchanged(() => as(OPERATOR).json<ErrorAnswer>(method, path, body));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
  });
});

// ---------------------------------------------------------------------------------------------
// Work registers
// ---------------------------------------------------------------------------------------------

describe('the work register page', () => {
  const documents: Record<string, string> = {};

  beforeAll(async () => {
    const create = async (client: TestClient, body: Record<string, unknown>) => {
      const answer = await client.json<{ id: string }>('POST', '/api/v1/documents', {
        title: `Document ${body.identifier}`,
        status: 'work-in-progress',
        ...body,
      });
      expect(answer.status).toBe(201);
      documents[body.identifier as string] = answer.body.id;
    };
    await create(as('editor@ofa.example'), {
      organization: 'ofa',
      identifier: 'OFA-PARTNERS',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    await create(as('editor@ofa.example'), {
      organization: 'ofa',
      identifier: 'OFA-INTERNAL',
      visibility: 'organization',
      registers: ['ofa-dmtf'],
    });
    await create(as('admin@dmtf.example'), {
      organization: 'dmtf',
      identifier: 'DMTF-PUBLIC',
      visibility: 'public',
      registers: ['ofa-dmtf'],
    });
    // Shared with partners, but under another register: not on this register's page.
    await create(as('editor@dmtf.example'), {
      organization: 'dmtf',
      identifier: 'DMTF-UNSHARED',
      visibility: 'partners',
      registers: ['snia-dmtf'],
    });
  });

  const VISIBLE: Record<string, string[]> = {
    ofa: ['DMTF-PUBLIC', 'OFA-INTERNAL', 'OFA-PARTNERS'],
    dmtf: ['DMTF-PUBLIC', 'OFA-PARTNERS'],
    none: ['DMTF-PUBLIC'],
  };

  it.each(ACTORS)('shows %s the documents shared under ofa-dmtf they may read', async (actor) => {
    const { status, body } = await as(actor).json<RegisterPage>(
      'GET',
      '/api/v1/registers/ofa-dmtf',
    );
    expect(status).toBe(200);
    const org = /@(ofa|dmtf)\.example$/.exec(actor)?.[1] ?? 'none';
    const identifiers = body.documents.items.map((document) => document.identifier).sort();
    expect(identifiers).toEqual(VISIBLE[org]);
    expect(body.documents.nextCursor).toBeNull();
    expect(body.permissions.manage).toBe(actor === OPERATOR);
  });

  it('shows the register terms and its parties as the register describes them', async () => {
    const { body } = await as(ANONYMOUS).json<RegisterPage>('GET', '/api/v1/registers/ofa-dmtf');
    expect(body).toMatchObject({
      slug: 'ofa-dmtf',
      title: 'OFA/DMTF Work Register',
      version: '1.0b',
      state: 'approved',
      initiatedOn: '2018-09-13',
      reviewDue: '2020-03-01',
      summary: expect.stringContaining('DMTF Work Register is created between the DMTF'),
      reviewProcess: expect.stringContaining('DSP4003'),
      parties: [
        {
          organization: 'ofa',
          name: 'OpenFabrics Alliance',
          description: expect.stringMatching(/^The Open Fabrics Alliance \(OFA\) is an open/),
        },
        {
          organization: 'dmtf',
          name: 'Distributed Management Task Force',
          description: expect.stringMatching(/^The Distributed Management Task Force is an/),
        },
      ],
    });
    // Every field of the register list is on the page too.
    const list = await as(ANONYMOUS).json<{ items: Record<string, unknown>[] }>(
      'GET',
      '/api/v1/registers',
    );
    const summary = list.body.items.find((item) => item.slug === 'ofa-dmtf')!;
    for (const [key, value] of Object.entries(summary)) {
      if (key === 'parties') continue;
      expect((body as unknown as Record<string, unknown>)[key]).toEqual(value);
    }
  });

  it('shows a draft register to members of its parties and the operator only; to everyone else it does not exist', async () => {
    for (const actor of ACTORS) {
      const answer = await as(actor).json<RegisterPage>('GET', '/api/v1/registers/snia-dmtf');
      const allowed = /@(snia|dmtf)\.example$/.test(actor) || actor === OPERATOR;
      expect({ actor, status: answer.status }).toEqual({ actor, status: allowed ? 200 : 404 });
    }
    const missing = await as('admin@dmtf.example').json<ErrorAnswer>(
      'GET',
      '/api/v1/registers/no-such-register',
    );
    const hidden = await as('admin@ofa.example').json<ErrorAnswer>(
      'GET',
      '/api/v1/registers/snia-dmtf',
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe(missing.body.error.code);
    expect(hidden.body.error.message).toBe(missing.body.error.message);
  });
});

describe('managing work registers', () => {
  const newRegister = (slug: string) => ({
    slug,
    title: `Register ${slug}`,
    version: '0.1',
    initiatedOn: '2026-02-01',
    summary: 'Coordinating fabric management work.',
    state: 'draft',
    reviewDue: '2027-02-01',
    reviewProcess: 'DSP4003',
    parties: [
      { organization: 'ofa', description: 'Fabrics.' },
      { organization: 'snia', description: 'Storage.' },
    ],
  });

  it.each(ACTORS)('create: %s', async (actor) => {
    const slug = `reg-${tag(actor)}`.slice(0, 60);
    const send = () => as(actor).json<RegisterPage>('POST', '/api/v1/registers', newRegister(slug));
    const expected = expectedStatus(actor, [OPERATOR], 201);
    const answer = expected === 201 ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expected);
  });

  it.each(ACTORS)('change: %s', async (actor) => {
    const send = () =>
      as(actor).json<RegisterPage>('PATCH', '/api/v1/registers/ofa-dmtf', { version: '1.0c' });
    const expected = expectedStatus(actor, [OPERATOR], 200);
    const answer = expected === 200 ? await send() : await expectUnchanged(send);
    expect(answer.status).toBe(expected);
  });

  it('creates a draft for its parties, approves it for everyone, and audits both', async () => {
    const created = await as(OPERATOR).json<RegisterPage>(
      'POST',
      '/api/v1/registers',
      newRegister('ofa-snia'),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'ofa-snia',
      title: 'Register ofa-snia',
      version: '0.1',
      state: 'draft',
      initiatedOn: '2026-02-01',
      reviewDue: '2027-02-01',
      reviewProcess: 'DSP4003',
      summary: 'Coordinating fabric management work.',
      parties: [
        { organization: 'ofa', name: 'OpenFabrics Alliance', description: 'Fabrics.' },
        {
          organization: 'snia',
          name: 'Storage Networking Industry Association',
          description: 'Storage.',
        },
      ],
      permissions: { manage: true, editDetails: false, approveAs: [] },
      documents: { items: [], nextCursor: null },
    });
    expect((await as('member@snia.example').json('GET', '/api/v1/registers/ofa-snia')).status).toBe(
      200,
    );
    expect((await as('member@dmtf.example').json('GET', '/api/v1/registers/ofa-snia')).status).toBe(
      404,
    );
    expect((await as(ANONYMOUS).json('GET', '/api/v1/registers/ofa-snia')).status).toBe(404);

    const approved = await as(OPERATOR).json<RegisterPage>('PATCH', '/api/v1/registers/ofa-snia', {
      state: 'approved',
      reviewDue: null,
      parties: [
        { organization: 'snia', description: 'Storage.' },
        { organization: 'ofa' },
        { organization: 'dmtf', description: 'Redfish.' },
      ],
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      reviewDue: null,
      initiatedOn: '2026-02-01',
      title: 'Register ofa-snia',
      parties: [
        { organization: 'snia', description: 'Storage.' },
        { organization: 'ofa', description: '' },
        { organization: 'dmtf', description: 'Redfish.' },
      ],
    });
    const page = await as(ANONYMOUS).json<RegisterPage>('GET', '/api/v1/registers/ofa-snia');
    expect(page.status).toBe(200);
    expect(page.body.permissions).toEqual({
      manage: false,
      editDetails: false,
      editAs: [],
      approveAs: [],
      readHistory: false,
    });

    const audit = await as(OPERATOR).json<{
      items: { action: string; objectId: string; details: Record<string, unknown> }[];
    }>('GET', '/api/v1/audit?objectId=ofa-snia');
    expect(audit.body.items.map((event) => event.action)).toEqual([
      'register.update',
      'register.create',
    ]);
    expect(audit.body.items[0]!.details).toMatchObject({
      changes: {
        state: { from: 'draft', to: 'approved' },
        reviewDue: { from: '2027-02-01', to: null },
        parties: expect.any(Object),
      },
    });
  });

  it('records nothing for a change that changes nothing', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json('PATCH', '/api/v1/registers/ofa-snia', {
        state: 'approved',
        title: 'Register ofa-snia',
      }),
    );
    expect(answer.status).toBe(200);
  });

  it('keeps a party whose documents are shared under the register (409), changing nothing', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json<ErrorAnswer>('PATCH', '/api/v1/registers/ofa-dmtf', {
        parties: [{ organization: 'dmtf', description: 'Provides expertise on Redfish.' }],
      }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('party_has_shared_documents');
  });

  it('refuses a taken slug with 409 duplicate_slug, changing nothing', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json<ErrorAnswer>('POST', '/api/v1/registers', newRegister('ofa-dmtf')),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('duplicate_slug');
  });

  it('refuses an unknown party with 422 unknown_organization, changing nothing', async () => {
    await expectUnchanged(async () => {
      const create = await as(OPERATOR).json<ErrorAnswer>('POST', '/api/v1/registers', {
        ...newRegister('with-ghost'),
        parties: [{ organization: 'ofa' }, { organization: 'ghost' }],
      });
      expect(create.status).toBe(422);
      expect(create.body.error.code).toBe('unknown_organization');
      const change = await as(OPERATOR).json<ErrorAnswer>('PATCH', '/api/v1/registers/ofa-snia', {
        parties: [{ organization: 'ghost' }],
      });
      expect(change.status).toBe(422);
      expect(change.body.error.code).toBe('unknown_organization');
    });
  });

  it('answers 404 for changes to a register that does not exist', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json('PATCH', '/api/v1/registers/no-such-register', { title: 'x' }),
    );
    expect(answer.status).toBe(404);
  });

  it.each([
    ['a party named twice', { parties: [{ organization: 'ofa' }, { organization: 'ofa' }] }],
    ['no parties', { parties: [] }],
    ['an impossible date', { initiatedOn: '2026-02-30' }],
    ['a date that is not a date', { reviewDue: 'next March' }],
    ['an unknown state', { state: 'final' }],
    ['an unknown field', { milestones: [] }],
    ['an unknown party field', { parties: [{ organization: 'ofa', role: 'lead' }] }],
    ['a bad slug', { slug: 'Not A Slug' }],
    ['an empty title', { title: '' }],
  ])('refuses %s with 400, changing nothing', async (_case, override) => {
    await expectUnchanged(async () => {
      const create = await as(OPERATOR).json<ErrorAnswer>('POST', '/api/v1/registers', {
        ...newRegister('bad-input'),
        ...override,
      });
      expect(create.status).toBe(400);
      expect(create.body.error.code).toMatch(/^(invalid_input|duplicate_party)$/);
      const { slug: _slug, ...change } = { slug: undefined, ...override } as Record<
        string,
        unknown
      >;
      if (Object.keys(change).length === 0) return;
      const patch = await as(OPERATOR).json<ErrorAnswer>(
        'PATCH',
        '/api/v1/registers/ofa-snia',
        change,
      );
      expect(patch.status).toBe(400);
    });
  });

  it('refuses an empty change with 400', async () => {
    const answer = await expectUnchanged(() =>
      as(OPERATOR).json('PATCH', '/api/v1/registers/ofa-snia', {}),
    );
    expect(answer.status).toBe(400);
  });
});
