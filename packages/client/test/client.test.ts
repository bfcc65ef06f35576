import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOutbox } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../../../apps/api/test/helpers.js';
import {
  type CreateDocumentBody,
  type DocumentList,
  LiaisonApiError,
  LiaisonClient,
  LiaisonNetworkError,
  normalizeApiUrl,
} from '../src/index.js';
import { drain, signedIn } from './helpers.js';

let api: RunningApi;
let anonymous: LiaisonClient;
let editor: LiaisonClient;
let scratch: string;

beforeAll(async () => {
  api = await startApi();
  anonymous = new LiaisonClient({ url: api.url });
  editor = await signedIn(api.url, 'editor@ofa.example');
  scratch = await mkdtemp(join(tmpdir(), 'liaison-client-'));
});

afterAll(async () => {
  await api?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** A new work-in-progress document of OFA's, made by its editor, that only OFA reads. */
function ofaDraft(identifier: string, title: string, options: Partial<CreateDocumentBody> = {}) {
  return editor.createDocument({
    organization: 'ofa',
    identifier,
    title,
    status: 'work-in-progress',
    visibility: 'organization',
    ...options,
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('LiaisonClient', () => {
  it('accepts the API address with or without /api/v1', () => {
    expect(normalizeApiUrl('http://127.0.0.1:4000/api/v1/')).toBe('http://127.0.0.1:4000');
    expect(normalizeApiUrl('https://liaison.example.org/')).toBe('https://liaison.example.org');
    expect(normalizeApiUrl('https://example.org/portal/api/v1')).toBe('https://example.org/portal');
    expect(() => normalizeApiUrl('ftp://example.org')).toThrow(TypeError);
    expect(() => normalizeApiUrl('not a url')).toThrow(TypeError);
  });

  it("says who is signed in, and carries the API's error code when no one is", async () => {
    const me = await editor.me();
    expect(me.email).toBe('editor@ofa.example');
    expect(me.memberships).toContainEqual({ organization: 'ofa', role: 'editor' });

    const refused = await anonymous.me().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LiaisonApiError);
    expect(refused).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('creates, finds by id and by <org>/<identifier>, uploads with progress and downloads ranges', async () => {
    // Its stand-in PDF could not be stamped.
    const created = await ofaDraft('OFA-CLIENT-1', 'Client round trip', { watermark: false });
    expect((await editor.getDocumentByRef('ofa/OFA-CLIENT-1')).id).toBe(created.id);
    expect((await editor.getDocumentByRef(created.id.toUpperCase())).identifier).toBe(
      'OFA-CLIENT-1',
    );

    const content = Buffer.alloc(3 * 1024 * 1024 + 17, 'liaison-');
    const path = join(scratch, 'Spécification "fabric".pdf');
    await writeFile(path, content);
    const progress: number[] = [];
    const { version, sentSha256 } = await editor.uploadVersion(created.id, {
      label: '1.0',
      path,
      onProgress: (sent, total) => {
        expect(total).toBe(content.length);
        progress.push(sent);
      },
    });
    const expected = createHash('sha256').update(content).digest('hex');
    expect(sentSha256).toBe(expected);
    expect(version).toMatchObject({
      label: '1.0',
      size: content.length,
      sha256: expected,
      mediaType: 'application/pdf',
      filename: 'Spécification %22fabric%22.pdf',
    });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(content.length);

    const whole = await editor.downloadVersion(created.id, version.id);
    expect(whole).toMatchObject({ offset: 0, size: content.length, etag: `"${expected}"` });
    expect((await drain(whole.body)).equals(content)).toBe(true);

    const rest = await editor.downloadVersion(created.id, version.id, { offset: 1_000_000 });
    expect(rest).toMatchObject({ offset: 1_000_000, size: content.length });
    expect((await drain(rest.body)).equals(content.subarray(1_000_000))).toBe(true);

    const beyond = await editor
      .downloadVersion(created.id, version.id, { offset: content.length + 1 })
      .catch((error: unknown) => error);
    expect(beyond).toMatchObject({ status: 416, code: 'range_not_satisfiable' });
  });

  it('refuses an upload without rights with 403, and no version appears', async () => {
    const document = await editor.getDocumentByRef('ofa/OFA-CLIENT-1');
    const member = await signedIn(api.url, 'member@ofa.example');
    const path = join(scratch, 'refused.pdf');
    await writeFile(path, Buffer.alloc(2 * 1024 * 1024, 1));
    const refused = await member
      .uploadVersion(document.id, { label: '2.0', path })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LiaisonApiError);
    expect(refused).toMatchObject({ status: 403 });
    expect((await editor.getDocument(document.id)).versions.map((v) => v.label)).toEqual(['1.0']);
  });

  it('pages through every document matching a query', async () => {
    const all = [];
    for await (const document of editor.documents({ organization: 'ofa', limit: 1 })) {
      all.push(document.identifier);
    }
    const single = await editor.listDocuments({ organization: 'ofa', limit: 100 });
    expect(all).toEqual(single.items.map((d) => d.identifier));
    expect(all).toContain('OFA-CLIENT-1');
  });

  it('answers 404 with the not_found code for what is missing or hidden', async () => {
    for (const ref of ['ofa/OFA-CLIENT-1', 'ofa/NOPE', '00000000-0000-4000-8000-000000000000']) {
      const error = await anonymous.getDocumentByRef(ref).catch((caught: unknown) => caught);
      expect(error, ref).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(() => anonymous.getDocumentByRef('OFA-CLIENT-1')).toThrow(TypeError);
  });

  it('fails with a network error when nothing answers', async () => {
    const port = await closedPort();
    const error = await new LiaisonClient({ url: `http://127.0.0.1:${port}` })
      .me()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiaisonNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', url: `http://127.0.0.1:${port}` });
  });
});

describe('the calls the web app makes', () => {
  it('lists organizations and registers, and shows a register with its documents', async () => {
    const { items: organizations } = await anonymous.listOrganizations();
    expect(organizations.map((organization) => organization.slug)).toContain('ofa');
    const { items: registers } = await anonymous.listRegisters();
    const approved = registers.find((register) => register.state === 'approved');
    expect(approved).toBeDefined();
    const page = await anonymous.getRegister(approved!.slug);
    expect(page).toMatchObject({ slug: approved!.slug, title: approved!.title });
    expect(Array.isArray(page.documents.items)).toBe(true);
    await expect(anonymous.getRegister('no-such-register')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('compares two versions by label', async () => {
    const created = await ofaDraft('OFA-CLIENT-COMPARE', 'Compared');
    for (const label of ['1.0', '1.1']) {
      const path = join(scratch, `notes-${label}.txt`);
      await writeFile(path, `notes ${label}`);
      await editor.uploadVersion(created.id, { label, path });
    }
    const comparison = await editor.compareVersions(created.id, '1.0', '1.1');
    expect(comparison).toMatchObject({ from: { label: '1.0' }, to: { label: '1.1' } });
    // The text is extracted in the background: until then the answer says so instead of a diff.
    if (comparison.status === 'text-missing') expect(comparison.pages).toEqual([]);
    else expect(comparison.summary.changes).toBeGreaterThan(0);
    await expect(editor.compareVersions(created.id, '1.0', '9.9')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('updates and deletes a document through the typed calls', async () => {
    const admin = await signedIn(api.url, 'admin@ofa.example');
    const created = await ofaDraft('OFA-CLIENT-2', 'To be renamed');
    const renamed = await editor.updateDocument(created.id, { title: 'Renamed' });
    expect(renamed).toMatchObject({ id: created.id, title: 'Renamed' });
    await expect(editor.deleteDocument(created.id)).rejects.toMatchObject({ status: 403 });
    expect(await admin.deleteDocument(created.id)).toBeUndefined();
    await expect(editor.getDocument(created.id)).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it("lists, adds, changes and removes an organization's members", async () => {
    // Only the operator adds people directly; an organization's admins invite them.
    const operator = await signedIn(api.url, 'operator@liaison.example');
    const emails = async () => (await operator.listMembers('ofa')).items.map((m) => m.email);
    expect(await emails()).toContain('editor@ofa.example');
    const added = await operator.addMember('ofa', { email: 'member@snia.example', role: 'member' });
    expect(added).toMatchObject({ email: 'member@snia.example', role: 'member' });
    expect(await operator.changeMemberRole('ofa', added.userId, 'editor')).toMatchObject({
      role: 'editor',
    });
    expect(await operator.removeMember('ofa', added.userId)).toBeUndefined();
    expect(await emails()).not.toContain('member@snia.example');
    await expect(editor.listMembers('ofa')).rejects.toBeInstanceOf(LiaisonApiError);
  });

  it('reads the audit log a page at a time, filtered', async () => {
    const operator = await signedIn(api.url, 'operator@liaison.example');
    const page = await operator.listAuditEvents({
      actor: 'editor@ofa.example',
      action: 'auth.login',
      limit: 1,
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ actor: 'editor@ofa.example', action: 'auth.login' });
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('lists submissions, and answers 404 for one that does not exist', async () => {
    const outgoing = await editor.listSubmissions({ box: 'outgoing', limit: 5 });
    expect(Array.isArray(outgoing.items)).toBe(true);
    await expect(
      editor.getSubmission('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('makes any JSON call through request, with its body and query', async () => {
    const path = '/api/v1/me/notifications';
    const before = await editor.request<{ documentReleases: boolean }>('GET', path);
    const changed = { documentReleases: !before.documentReleases };
    // A partial change: the other choices keep their value.
    const after = { ...before, ...changed };
    expect(await editor.request('PUT', path, { body: changed })).toEqual(after);
    expect(await editor.request('GET', path)).toEqual(after);

    const page = await editor.request<DocumentList>('GET', '/api/v1/documents', {
      query: { organization: 'ofa', limit: 1, q: '', status: null, cursor: undefined },
    });
    expect(page.items).toHaveLength(1);

    await expect(anonymous.request('PUT', path, { body: changed })).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });
    await expect(anonymous.request('GET', 'api/v1/me')).rejects.toBeInstanceOf(TypeError);
  });
});

describe('invitations', () => {
  it('invites, lists, shows, accepts and revokes through the typed calls', async () => {
    const admin = await signedIn(api.url, 'admin@snia.example');
    const invitation = await admin.createInvitation('snia', {
      email: 'client-invitee@people.example',
      role: 'editor',
    });
    expect(invitation).toMatchObject({ organization: 'snia', role: 'editor' });
    expect((await admin.listInvitations('snia')).items.map((item) => item.id)).toContain(
      invitation.id,
    );
    const [mail] = (await listOutbox(api.pool, { kind: 'membership.invitation' })).filter(
      (row) => row.recipient === 'client-invitee@people.example',
    );
    const token = mail!.linkPath.split('/').at(-1)!;
    expect(await anonymous.getInvitation(token)).toMatchObject({
      organization: { slug: 'snia' },
      accountExists: false,
    });
    const accepted = await anonymous.acceptInvitation(token, {
      name: 'Client Invitee',
      password: 'a password of some length',
    });
    expect(accepted).toMatchObject({ organization: 'snia', role: 'editor', accountCreated: true });
    await expect(anonymous.getInvitation(token)).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });

    const other = await admin.createInvitation('snia', {
      email: 'editor@ofa.example',
      role: 'member',
    });
    await admin.revokeInvitation('snia', other.id);
    expect((await admin.listInvitations('snia')).items).toEqual([]);
    await expect(editor.acceptInvitation('A'.repeat(43))).rejects.toBeInstanceOf(LiaisonApiError);
  });
});
