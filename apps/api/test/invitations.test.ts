/**
 * Invitations against the live API over HTTP: an organization admin may no longer add an existing
 * person without their consent; they invite, and the person accepts through the mailed link
 * (signed in as the invited account, or, for an address new to Liaison, by choosing a name and a
 * password). Only the portal operator still adds people directly.
 */
import { createHash } from 'node:crypto';
import { listOutbox } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeText } from '../src/services/notifications/deliver-mail.js';
import { type ErrorAnswer, TestClient } from './client.js';
import { auditActions, membershipRole, type RunningApi, startApi } from './helpers.js';

const OPERATOR = 'operator@liaison.example';

interface Invitation {
  id: string;
  organization: string;
  email: string;
  role: string;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}
interface Preview {
  organization: { slug: string; name: string };
  role: string;
  email: string;
  expiresAt: string;
  accountExists: boolean;
}

let api: RunningApi;
const clients = new Map<string, TestClient>();
let anonymous: TestClient;

async function as(email: string): Promise<TestClient> {
  let client = clients.get(email);
  if (!client) {
    client = await TestClient.signIn(api.url, email);
    clients.set(email, client);
  }
  return client;
}

beforeAll(async () => {
  api = await startApi();
  anonymous = new TestClient(api.url);
});

afterAll(async () => {
  await api?.close();
});

const roleIn = (organization: string, email: string) =>
  membershipRole(api.pool, organization, email);

async function invitationRows(email: string) {
  const { rows } = await api.pool.query<{
    id: string;
    token_hash: string;
    accepted_at: Date | null;
    revoked_at: Date | null;
  }>('select id, token_hash, accepted_at, revoked_at from invitations where email = $1', [email]);
  return rows;
}

/** Invites `email` to `organization` as `inviter`; answers the invitation and its mailed token. */
async function invite(inviter: string, organization: string, email: string, role = 'member') {
  const answer = await (await as(inviter)).json<Invitation>(
    'POST',
    `/api/v1/organizations/${organization}/invitations`,
    { email, role },
  );
  expect(answer.status).toBe(201);
  const mails = (await listOutbox(api.pool, { kind: 'membership.invitation' })).filter(
    (mail) => mail.recipient === email.toLowerCase(),
  );
  const mail = mails.at(-1)!;
  const token = /^\/invitations\/([A-Za-z0-9_-]+)$/.exec(mail.linkPath)?.[1];
  if (!token) throw new Error(`no invitation link in ${mail.linkPath}`);
  return { invitation: answer.body, token, mail };
}

const accept = (client: TestClient, token: string, body: unknown = {}) =>
  client.json<ErrorAnswer & { organization: string; role: string; accountCreated: boolean }>(
    'POST',
    `/api/v1/invitations/${token}/accept`,
    body,
  );

/** `client` adds the person `email` to SNIA as `role` directly, without inviting them. */
const addToSnia = <Body = ErrorAnswer>(client: TestClient, email: string, role: string) =>
  client.json<Body>('POST', '/api/v1/organizations/snia/members', { email, role });

describe('adding people without their consent', () => {
  it('refuses an organization admin adding an existing person directly: 403 invitation_required', async () => {
    const answer = await addToSnia(await as('admin@snia.example'), 'editor@ofa.example', 'admin');
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('invitation_required');
    expect(answer.body.error.message).toMatch(/invitation/);
    expect(await roleIn('snia', 'editor@ofa.example')).toBeNull();
  });

  it('refuses other people with 403 forbidden and anonymous callers with 401', async () => {
    const member = await addToSnia(await as('editor@snia.example'), 'editor@ofa.example', 'member');
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('forbidden');
    const nobody = await addToSnia(anonymous, 'editor@ofa.example', 'member');
    expect(nobody.status).toBe(401);
    expect(await roleIn('snia', 'editor@ofa.example')).toBeNull();
  });

  it('still lets the portal operator add a person directly', async () => {
    const answer = await addToSnia<{ email: string; role: string }>(
      await as(OPERATOR),
      'member@dmtf.example',
      'member',
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ email: 'member@dmtf.example', role: 'member' });
    expect(await roleIn('snia', 'member@dmtf.example')).toBe('member');
  });
});

describe('inviting someone with an account', () => {
  it('mails a link; the invited person, signed in, accepts and becomes a member', async () => {
    const { invitation, token, mail } = await invite(
      'admin@snia.example',
      'snia',
      'Editor@OFA.example',
      'editor',
    );
    expect(invitation).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      organization: 'snia',
      email: 'editor@ofa.example',
      role: 'editor',
      invitedBy: 'admin@snia.example',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    const validFor = Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt);
    expect(Math.round(validFor / 86_400_000)).toBe(7);
    // The token: 32 random bytes, in the mail's link only; the database holds its SHA-256.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(composeText(mail, api.config.mail.webUrl)).toContain(
      `${api.config.mail.webUrl}/invitations/${token}`,
    );
    const [row] = await invitationRows('editor@ofa.example');
    expect(row!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(await roleIn('snia', 'editor@ofa.example')).toBeNull();

    const listed = await (await as('admin@snia.example')).json<{ items: Invitation[] }>(
      'GET',
      '/api/v1/organizations/snia/invitations',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(invitation);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const preview = await anonymous.json<Preview>('GET', `/api/v1/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      organization: { slug: 'snia', name: expect.any(String) },
      role: 'editor',
      email: 'editor@ofa.example',
      expiresAt: invitation.expiresAt,
      accountExists: true,
    });

    const accepted = await accept(await as('editor@ofa.example'), token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      organization: 'snia',
      role: 'editor',
      accountCreated: false,
    });
    expect(await roleIn('snia', 'editor@ofa.example')).toBe('editor');
    const me = await (await as('editor@ofa.example')).json<{ memberships: unknown[] }>(
      'GET',
      '/api/v1/me',
    );
    expect(me.body.memberships).toContainEqual({ organization: 'snia', role: 'editor' });
    expect(await auditActions(api.pool, invitation.id)).toEqual(['membership.invite']);
    const { rows } = await api.pool.query(
      `select actor_email, details from audit_events where action = 'membership.accept-invitation'
        and details ->> 'invitationId' = $1`,
      [invitation.id],
    );
    expect(rows).toEqual([
      {
        actor_email: 'editor@ofa.example',
        details: expect.objectContaining({ email: 'editor@ofa.example', role: 'editor' }),
      },
    ]);
    // Used: the link no longer works, and the invitation is no longer pending.
    expect((await anonymous.json('GET', `/api/v1/invitations/${token}`)).status).toBe(404);
    const after = await (await as('admin@snia.example')).json<{ items: Invitation[] }>(
      'GET',
      '/api/v1/organizations/snia/invitations',
    );
    expect(after.body.items.map((item) => item.id)).not.toContain(invitation.id);
  });

  it('refuses someone signed in as another account (403) or not signed in (401), changing nothing', async () => {
    const { token } = await invite('admin@snia.example', 'snia', 'admin@dmtf.example');
    const other = await accept(await as('editor@dmtf.example'), token);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('wrong_account');
    const nobody = await accept(anonymous, token);
    expect(nobody.status).toBe(401);
    expect(await roleIn('snia', 'admin@dmtf.example')).toBeNull();
    expect(await roleIn('snia', 'editor@dmtf.example')).toBeNull();
    const [row] = await invitationRows('admin@dmtf.example');
    expect(row!.accepted_at).toBeNull();
    // The invited person still can.
    expect((await accept(await as('admin@dmtf.example'), token)).status).toBe(200);
  });

  it('accepts a token once: the second accept gets 404', async () => {
    const { token } = await invite('admin@ofa.example', 'ofa', 'member@snia.example');
    const invited = await as('member@snia.example');
    expect((await accept(invited, token)).status).toBe(200);
    const again = await accept(invited, token);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
  });

  it('makes exactly one membership from 20 concurrent accepts of one token', async () => {
    const { token } = await invite('admin@ofa.example', 'ofa', 'admin@snia.example', 'editor');
    const invited = await as('admin@snia.example');
    const answers = await Promise.all(Array.from({ length: 20 }, () => accept(invited, token)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 404)).toHaveLength(19);
    const { rows } = await api.pool.query(
      `select 1 from memberships m join users u on u.id = m.user_id
         join organizations o on o.id = m.organization_id
        where o.slug = 'ofa' and u.email = 'admin@snia.example'`,
    );
    expect(rows).toHaveLength(1);
    const { rows: audits } = await api.pool.query(
      `select 1 from audit_events where action = 'membership.accept-invitation'
        and actor_email = 'admin@snia.example'`,
    );
    expect(audits).toHaveLength(1);
  });

  it('refuses a person who is already a member: 409 already_member, invitation unused', async () => {
    const early = await (await as('admin@dmtf.example')).json<ErrorAnswer>(
      'POST',
      '/api/v1/organizations/dmtf/invitations',
      { email: 'member@dmtf.example', role: 'admin' },
    );
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('already_member');

    // Invited first, then added by the operator before accepting.
    const { token } = await invite('admin@dmtf.example', 'dmtf', 'member@ofa.example');
    const added = await (await as(OPERATOR)).json('POST', '/api/v1/organizations/dmtf/members', {
      email: 'member@ofa.example',
      role: 'member',
    });
    expect(added.status).toBe(201);
    const late = await accept(await as('member@ofa.example'), token);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('already_member');
    const [row] = await invitationRows('member@ofa.example');
    expect(row!.accepted_at).toBeNull();
  });
});

describe('links that no longer work', () => {
  it('answers 404 for an expired invitation', async () => {
    const { invitation, token } = await invite('admin@ofa.example', 'ofa', 'late@people.example');
    await api.pool.query(
      `update invitations set expires_at = now() - interval '1 second' where id = $1`,
      [invitation.id],
    );
    const preview = await anonymous.json<ErrorAnswer>('GET', `/api/v1/invitations/${token}`);
    expect(preview.status).toBe(404);
    const accepted = await accept(anonymous, token, { name: 'Late', password: 'a long password' });
    expect(accepted.status).toBe(404);
    expect(accepted.body.error.message).toBe(preview.body.error.message);
    const { rows } = await api.pool.query('select 1 from users where email = $1', [
      'late@people.example',
    ]);
    expect(rows).toHaveLength(0);
    const listed = await (await as('admin@ofa.example')).json<{ items: Invitation[] }>(
      'GET',
      '/api/v1/organizations/ofa/invitations',
    );
    expect(listed.body.items.map((item) => item.id)).not.toContain(invitation.id);
  });

  it('answers 404 for a revoked invitation, and audits the revocation', async () => {
    const { invitation, token } = await invite('admin@ofa.example', 'ofa', 'admin@dmtf.example');
    const outsider = await (await as('admin@snia.example')).fetch(
      `/api/v1/organizations/ofa/invitations/${invitation.id}`,
      { method: 'DELETE' },
    );
    expect(outsider.status).toBe(403);
    const revoke = await (await as('admin@ofa.example')).fetch(
      `/api/v1/organizations/ofa/invitations/${invitation.id}`,
      { method: 'DELETE' },
    );
    expect(revoke.status).toBe(204);
    expect((await anonymous.json('GET', `/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await accept(await as('admin@dmtf.example'), token)).status).toBe(404);
    expect(await roleIn('ofa', 'admin@dmtf.example')).toBeNull();
    expect(await auditActions(api.pool, invitation.id)).toEqual([
      'membership.invite',
      'membership.revoke-invitation',
    ]);
    const twice = await (await as('admin@ofa.example')).fetch(
      `/api/v1/organizations/ofa/invitations/${invitation.id}`,
      { method: 'DELETE' },
    );
    expect(twice.status).toBe(404);
  });

  it('answers 404 for an unknown token', async () => {
    const unknown = 'A'.repeat(43);
    expect((await anonymous.json('GET', `/api/v1/invitations/${unknown}`)).status).toBe(404);
    expect((await accept(await as('member@ofa.example'), unknown)).status).toBe(404);
  });
});

describe('inviting someone new to Liaison', () => {
  it('lets them choose a name and a password, then sign in with it', async () => {
    const { token } = await invite('admin@dmtf.example', 'dmtf', 'Newcomer@People.example');
    const preview = await anonymous.json<Preview>('GET', `/api/v1/invitations/${token}`);
    expect(preview.body).toMatchObject({ email: 'newcomer@people.example', accountExists: false });

    const missing = await accept(anonymous, token);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('account_details_required');
    const short = await accept(anonymous, token, { name: 'New Comer', password: 'short' });
    expect(short.status).toBe(400);
    const extra = await accept(anonymous, token, {
      name: 'New Comer',
      password: 'correct horse battery',
      operator: true,
    });
    expect(extra.status).toBe(400);
    const { rows: none } = await api.pool.query('select 1 from users where email = $1', [
      'newcomer@people.example',
    ]);
    expect(none).toHaveLength(0);

    const accepted = await accept(anonymous, token, {
      name: 'New Comer',
      password: 'correct horse battery',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ organization: 'dmtf', accountCreated: true });
    expect(await roleIn('dmtf', 'newcomer@people.example')).toBe('member');

    const signIn = await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'newcomer@people.example', password: 'correct horse battery' }),
    });
    expect(signIn.status).toBe(200);
    const body = (await signIn.json()) as { user: { name: string; memberships: unknown[] } };
    expect(body.user).toMatchObject({
      name: 'New Comer',
      memberships: [{ organization: 'dmtf', role: 'member' }],
    });
    const { rows } = await api.pool.query(
      `select actor_email from audit_events where action = 'membership.accept-invitation'
        and details ->> 'email' = 'newcomer@people.example'`,
    );
    expect(rows).toEqual([{ actor_email: 'newcomer@people.example' }]);
    expect(
      (await accept(anonymous, token, { name: 'x', password: 'another long one' })).status,
    ).toBe(404);
  });
});

describe('who may invite', () => {
  it.each([
    ['member@snia.example', 403],
    ['editor@snia.example', 403],
    ['admin@ofa.example', 403],
  ])('refuses %s inviting to SNIA with %i', async (actor, status) => {
    const email = `by-${actor.replace(/[^a-z]/g, '-')}@people.example`;
    const answer = await (await as(actor)).json<ErrorAnswer>(
      'POST',
      '/api/v1/organizations/snia/invitations',
      { email, role: 'admin' },
    );
    expect(answer.status).toBe(status);
    expect(await invitationRows(email)).toHaveLength(0);
    const list = await (await as(actor)).json('GET', '/api/v1/organizations/snia/invitations');
    expect(list.status).toBe(403);
  });

  it('asks anonymous callers to sign in', async () => {
    const answer = await anonymous.json('POST', '/api/v1/organizations/snia/invitations', {
      email: 'anon@people.example',
      role: 'member',
    });
    expect(answer.status).toBe(401);
    expect((await anonymous.json('GET', '/api/v1/organizations/snia/invitations')).status).toBe(
      401,
    );
    expect(await invitationRows('anon@people.example')).toHaveLength(0);
  });

  it('lets the operator invite and list', async () => {
    const { invitation } = await invite(OPERATOR, 'snia', 'operator-invited@people.example');
    const list = await (await as(OPERATOR)).json<{ items: Invitation[] }>(
      'GET',
      '/api/v1/organizations/snia/invitations',
    );
    expect(list.body.items.map((item) => item.id)).toContain(invitation.id);
  });

  it('answers 404 for an organization that does not exist', async () => {
    const answer = await (await as(OPERATOR)).json(
      'POST',
      '/api/v1/organizations/nope/invitations',
      {
        email: 'x@people.example',
        role: 'member',
      },
    );
    expect(answer.status).toBe(404);
  });
});

describe('bad input', () => {
  it.each([
    ['an address without @', { email: 'not-an-address', role: 'member' }],
    ['an unknown role', { email: 'bad-input@people.example', role: 'owner' }],
    ['an unknown field', { email: 'bad-input@people.example', role: 'member', name: 'X' }],
    ['no role', { email: 'bad-input@people.example' }],
  ])('refuses %s with 400 and makes no invitation', async (_case, body) => {
    const before = await api.pool.query('select count(*)::int as n from invitations');
    const answer = await (await as('admin@ofa.example')).json<ErrorAnswer>(
      'POST',
      '/api/v1/organizations/ofa/invitations',
      body,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
    const after = await api.pool.query('select count(*)::int as n from invitations');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a malformed token or invitation id with 400', async () => {
    expect((await anonymous.json('GET', '/api/v1/invitations/not%20a%20token')).status).toBe(400);
    const revoke = await (await as('admin@ofa.example')).fetch(
      '/api/v1/organizations/ofa/invitations/not-a-uuid',
      { method: 'DELETE' },
    );
    expect(revoke.status).toBe(400);
  });
});
