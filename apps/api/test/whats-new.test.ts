/**
 * What's new (issue 17): what a visit records, what counts as new, what stays listed, and who may
 * ask. Who sees which item is whats-new-authorization-matrix.test.ts's subject.
 */
import type { WhatsNew, WhatsNewCount } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocumentWithVersion, uploadVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';
import { createDraft, sendStatement } from './statement-fixtures.js';
import { submit, transition } from './submission-fixtures.js';

describe("What's new", () => {
  let api: RunningApi;
  let adminOfa: TestClient;
  let editorOfa: TestClient;
  let memberDmtf: TestClient;
  let adminDmtf: TestClient;

  beforeAll(async () => {
    api = await startApi();
    const signIn = (email: string) => TestClient.signIn(api.url, email);
    adminOfa = await signIn('admin@ofa.example');
    editorOfa = await signIn('editor@ofa.example');
    memberDmtf = await signIn('member@dmtf.example');
    adminDmtf = await signIn('admin@dmtf.example');
  });
  afterAll(async () => {
    await api?.close();
  });

  const whatsNew = async (client: TestClient) => {
    const answer = await client.json<WhatsNew>('GET', '/api/v1/me/whats-new');
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const visit = async (client: TestClient) => {
    const answer = await client.json<WhatsNew>('POST', '/api/v1/me/whats-new/visits');
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const count = async (client: TestClient) => {
    const answer = await client.json<WhatsNewCount>('GET', '/api/v1/me/whats-new/count');
    expect(answer.status).toBe(200);
    return answer.body.count;
  };

  it('asks anonymous callers to sign in, on every route', async () => {
    const anonymous = new TestClient(api.url);
    for (const [method, path] of [
      ['GET', '/api/v1/me/whats-new'],
      ['POST', '/api/v1/me/whats-new/visits'],
      ['GET', '/api/v1/me/whats-new/count'],
    ] as const) {
      const answer = await anonymous.json(method, path);
      expect(answer, `${method} ${path}`).toEqual({
        status: 401,
        body: { error: { code: expect.any(String), message: expect.any(String) } },
      });
    }
  });

  it('lists what happened after the previous visit as new, newest first; a visit records itself and keeps older items listed', async () => {
    const first = await visit(memberDmtf);
    expect(first.previousVisit).toBeNull();
    expect(first.items.every((item) => item.new)).toBe(true);
    expect(await count(memberDmtf)).toBe(0);
    const firstVisit = (await whatsNew(memberDmtf)).previousVisit;
    expect(firstVisit).not.toBeNull();

    const document = await createDocumentWithVersion(adminOfa, {
      organization: 'ofa',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const draft = await createDraft(editorOfa, { title: 'Fabric model: news for DMTF' });
    await sendStatement(adminOfa, draft.id);

    expect(await count(memberDmtf)).toBe(2);
    const before = await whatsNew(memberDmtf);
    expect(before.previousVisit).toBe(firstVisit);
    expect(before.items.slice(0, 2)).toEqual([
      expect.objectContaining({
        kind: 'statement',
        id: draft.id,
        new: true,
        statement: expect.objectContaining({ id: draft.id, from: 'ofa', state: 'sent' }),
      }),
      expect.objectContaining({
        kind: 'version',
        id: document.versionId,
        new: true,
        document: expect.objectContaining({ id: document.id, organization: 'ofa' }),
        label: '0.1',
      }),
    ]);
    expect(before.items.filter((item) => item.new)).toHaveLength(2);
    // Reading the list is not a visit.
    expect(await count(memberDmtf)).toBe(2);

    const opened = await visit(memberDmtf);
    expect(opened).toEqual(before);
    expect(await count(memberDmtf)).toBe(0);
    const after = await whatsNew(memberDmtf);
    expect(after.previousVisit).not.toBe(firstVisit);
    expect(after.items.slice(0, 2).map((item) => [item.id, item.new])).toEqual([
      [draft.id, false],
      [document.versionId, false],
    ]);

    const second = await uploadVersion(adminOfa, document.id, '0.2');
    expect(await count(memberDmtf)).toBe(1);
    expect((await whatsNew(memberDmtf)).items[0]).toMatchObject({ id: second, new: true });
  });

  it("leaves out the caller's own doings and withdrawn versions", async () => {
    await visit(adminOfa);
    await visit(memberDmtf);
    const document = await createDocumentWithVersion(adminOfa, {
      organization: 'ofa',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    expect(await count(adminOfa)).toBe(0);
    expect((await whatsNew(adminOfa)).items.map((item) => item.id)).not.toContain(
      document.versionId,
    );
    expect(await count(memberDmtf)).toBe(1);

    const withdrawn = await adminOfa.json(
      'POST',
      `/api/v1/documents/${document.id}/versions/${document.versionId}/withdraw`,
      { reason: 'Uploaded by mistake' },
    );
    expect(withdrawn.status).toBe(200);
    expect(await count(memberDmtf)).toBe(0);
    expect((await whatsNew(memberDmtf)).items.map((item) => item.id)).not.toContain(
      document.versionId,
    );
  });

  it('tells the submitting side of a decision, not the admin who made it', async () => {
    await visit(editorOfa);
    await visit(adminDmtf);
    const submission = await submit(editorOfa, { title: 'Fabric telemetry' });
    expect((await transition(adminDmtf, submission.id, 'under-review')).status).toBe(200);
    expect((await transition(adminDmtf, submission.id, 'accepted', 'Welcome')).status).toBe(200);

    expect(await count(adminDmtf)).toBe(0);
    expect(await count(editorOfa)).toBe(1);
    const [decision] = (await whatsNew(editorOfa)).items;
    expect(decision).toMatchObject({
      kind: 'decision',
      new: true,
      decision: 'accepted',
      submission: {
        id: submission.id,
        reference: submission.reference,
        title: 'Fabric telemetry',
        from: 'ofa',
        to: 'dmtf',
      },
    });
  });
});
