/**
 * Following documents, registers and organizations' releases, and the change notes of versions:
 * the mails go through the real outbox and delivery worker to a real SMTP server, and each
 * follower is told only of what they may read.
 */
import { listOutbox } from '@liaison/db';
import { beforeEach, describe, expect, it } from 'vitest';
import { signUnfollowToken } from '../src/auth/unfollow-tokens.js';
import { enqueueFollowDigests } from '../src/services/notifications/follow-digests.js';
import { TestClient } from './client.js';
import { createDocument } from './factories.js';
import { TEST_AUTH_SECRET } from './helpers.js';
import { useApiWithMail, WEB_URL } from './mail-bench.js';

const bench = useApiWithMail();
beforeEach(async () => {
  await bench.api.pool.query('delete from follows');
  await bench.api.pool.query('delete from mail_outbox');
  await bench.api.pool.query('delete from notification_preferences');
  bench.server.received.splice(0);
});

const signIn = (email: string) => TestClient.signIn(bench.api.url, email);

async function follow(client: TestClient, body: Record<string, string>) {
  const followed = await client.json<{ id: string }>('POST', '/api/v1/me/follows', body);
  expect(followed.status, JSON.stringify(followed.body)).toBe(201);
  return followed.body.id;
}

function uploadWithNote(client: TestClient, documentId: string, label: string, note?: string) {
  return client.upload(documentId, label, `%PDF-1.7 ${label}`, 'spec.pdf', 'application/pdf', note);
}

const recipientsOf = async (kind: string) =>
  (await listOutbox(bench.api.pool, { kind })).map((row) => row.recipient).sort();

/** The unfollow link's token in a delivered mail. */
function unfollowTokenIn(text: string): string {
  const match = new RegExp(`${WEB_URL}/unfollow/([A-Za-z0-9._-]+)`).exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}

describe('change notes', () => {
  it('are stored with the version, shown with it, and mailed to the followers of the document', async () => {
    const editor = await signIn('editor@dmtf.example');
    const document = await createDocument(editor, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const follower = await signIn('member@ofa.example');
    await follow(follower, { kind: 'document', document: document.id });

    const note = 'Clarified the fan-speed units.\nFixed the schema of Chassis.';
    const uploaded = await uploadWithNote(editor, document.id, '1.1', `  ${note}  `);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.changeNote).toBe(note);
    const read = await follower.json<{ versions: { changeNote: string }[] }>(
      'GET',
      `/api/v1/documents/${document.id}`,
    );
    expect(read.body.versions[0]!.changeNote).toBe(note);

    expect(await recipientsOf('follow.version')).toEqual(['member@ofa.example']);
    expect((await bench.deliver()).sent).toBe(1);
    const [mail] = bench.server.received;
    expect(mail!.subject).toBe(
      `New version 1.1: ${document.identifier} Document ${document.identifier}`,
    );
    expect(mail!.text).toContain(note);
    expect(mail!.text).toContain(`${WEB_URL}/documents/${document.id}`);
    const token = unfollowTokenIn(mail!.text);
    expect(mail!.listUnsubscribe).toBe(`<${WEB_URL}/unfollow/${token}>`);
  });

  it('refuses a note over 2000 characters, or with control characters, and stores nothing', async () => {
    const editor = await signIn('editor@dmtf.example');
    const document = await createDocument(editor, { organization: 'dmtf' });
    const tooLong = await uploadWithNote(editor, document.id, '1.0', 'x'.repeat(2001));
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('changeNote');
    const control = await uploadWithNote(editor, document.id, '1.0', 'bell \u0007');
    expect(control.status).toBe(400);
    const read = await editor.json<{ versions: unknown[] }>(
      'GET',
      `/api/v1/documents/${document.id}`,
    );
    expect(read.body.versions).toEqual([]);
    const accepted = await uploadWithNote(editor, document.id, '1.0', 'x'.repeat(2000));
    expect(accepted.status).toBe(201);
  });
});

describe('followers are told only what they may read', () => {
  it('mails a partner follower of a register about a partners document newly shared under it, and nobody who may not read it', async () => {
    // ofa-dmtf is approved (public): a SNIA member may follow it, but reads no partners document.
    const partner = await signIn('member@ofa.example');
    const outsider = await signIn('member@snia.example');
    await follow(partner, { kind: 'register', register: 'ofa-dmtf' });
    await follow(outsider, { kind: 'register', register: 'ofa-dmtf' });

    const editor = await signIn('editor@dmtf.example');
    const shared = await createDocument(editor, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    // An organization-only document under the register: no partner may read it.
    await createDocument(editor, { organization: 'dmtf', registers: ['ofa-dmtf'] });

    expect(await recipientsOf('follow.shared')).toEqual(['member@ofa.example']);
    expect((await bench.deliver()).sent).toBe(1);
    expect(bench.server.received.map((mail) => mail.to)).toEqual([['member@ofa.example']]);
    expect(bench.server.received[0]!.subject).toContain(shared.identifier);
    expect(bench.server.received[0]!.text).toContain('ofa-dmtf');
  });

  it("tells followers of an organization's releases of a release, and nothing of its organization-only work", async () => {
    const partner = await signIn('member@ofa.example');
    await follow(partner, { kind: 'organization', organization: 'dmtf' });
    const admin = await signIn('admin@dmtf.example');
    const internal = await createDocument(admin, { organization: 'dmtf' });
    const patched = await admin.json('PATCH', `/api/v1/documents/${internal.id}`, {
      title: 'Internal draft',
      status: 'informational',
    });
    expect(patched.status).toBe(200);
    expect(await recipientsOf('follow.released')).toEqual([]);

    const released = await admin.json('PATCH', `/api/v1/documents/${internal.id}`, {
      visibility: 'public',
    });
    expect(released.status).toBe(200);
    expect(await recipientsOf('follow.released')).toEqual(['member@ofa.example']);
  });
});

describe('the daily digest', () => {
  it('gathers several events into one mail, sent once, without what the follower can no longer read', async () => {
    const follower = await signIn('member@ofa.example');
    const settings = await follower.json('PUT', '/api/v1/me/notifications', {
      followDelivery: 'daily',
    });
    expect(settings.status).toBe(200);
    expect(settings.body.followDelivery).toBe('daily');

    const editor = await signIn('editor@dmtf.example');
    const kept = await createDocument(editor, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const hidden = await createDocument(editor, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    await follow(follower, { kind: 'document', document: kept.id });
    await follow(follower, { kind: 'document', document: hidden.id });
    for (const label of ['2.0', '2.1']) {
      expect((await uploadWithNote(editor, kept.id, label, `Note ${label}`)).status).toBe(201);
    }
    expect((await uploadWithNote(editor, hidden.id, '9.9', 'Secret note')).status).toBe(201);
    // No immediate mail for a daily follower.
    expect(await recipientsOf('follow.version')).toEqual([]);
    // The hidden one becomes organization-only before the digest is composed.
    const narrowed = await editor.json('PATCH', `/api/v1/documents/${hidden.id}`, {
      visibility: 'organization',
    });
    expect(narrowed.status).toBe(200);

    const deps = { pool: bench.api.pool, webUrl: WEB_URL, authSecret: TEST_AUTH_SECRET };
    // Two runs at once (two replicas) and one after: one digest.
    const runs = await Promise.all([enqueueFollowDigests(deps), enqueueFollowDigests(deps)]);
    expect(runs.sort()).toEqual([0, 1]);
    expect(await enqueueFollowDigests(deps)).toBe(0);

    expect(await recipientsOf('follow.digest')).toEqual(['member@ofa.example']);
    expect((await bench.deliver()).sent).toBe(1);
    const [digest] = bench.server.received;
    expect(digest!.subject).toBe('What you follow: 2 updates');
    expect(digest!.text).toContain('Note 2.0');
    expect(digest!.text).toContain('Note 2.1');
    expect(digest!.text).not.toContain('Secret note');
    expect(digest!.text).not.toContain(hidden.identifier);
    expect(digest!.text).toContain(`${WEB_URL}/unfollow/`);
    // Only the kept document's follow is in it: its link is also the List-Unsubscribe header.
    expect(digest!.listUnsubscribe).toBe(`<${WEB_URL}/unfollow/${unfollowTokenIn(digest!.text)}>`);
  });
});

describe('the unfollow link', () => {
  async function followedWithMail() {
    const follower = await signIn('member@ofa.example');
    const editor = await signIn('editor@dmtf.example');
    const document = await createDocument(editor, {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const followId = await follow(follower, { kind: 'document', document: document.id });
    expect((await uploadWithNote(editor, document.id, '1.0')).status).toBe(201);
    await bench.deliver();
    return { follower, followId, token: unfollowTokenIn(bench.server.received.at(-1)!.text) };
  }

  const anonymous = () => new TestClient(bench.api.url);
  const follows = async () =>
    (await bench.api.pool.query('select id from follows')).rows.map((row) => row.id);

  it('ends the follow without signing in, once', async () => {
    const { follower, followId, token } = await followedWithMail();
    const first = await anonymous().json('POST', '/api/v1/follows/unfollow', { token });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ kind: 'document' });
    expect(await follows()).not.toContain(followId);
    const listed = await follower.json<{ items: unknown[] }>('GET', '/api/v1/me/follows');
    expect(listed.body.items).toEqual([]);
    const again = await anonymous().json('POST', '/api/v1/follows/unfollow', { token });
    expect(again.status).toBe(404);
  });

  it('refuses a forged or malformed token with 400 and changes nothing', async () => {
    const { followId, token } = await followedWithMail();
    const forgedMac = `${followId}.${'A'.repeat(43)}`;
    const otherSecret = signUnfollowToken(followId, 'another-secret-that-is-32-characters-long');
    for (const bad of [forgedMac, otherSecret, followId, `${token}x`, 'not-a-token']) {
      const answer = await anonymous().json('POST', '/api/v1/follows/unfollow', { token: bad });
      expect(answer.status, bad).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: expect.any(String) } });
    }
    const empty = await anonymous().json('POST', '/api/v1/follows/unfollow', {});
    expect(empty.status).toBe(400);
    expect(await follows()).toEqual([followId]);
  });
});
