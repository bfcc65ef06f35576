/**
 * What's new (issue 17): what a visit records, what counts as new, what stays listed, and who may
 * ask. Who sees which item is whats-new-authorization-matrix.test.ts's subject.
 */
import type { WhatsNew, WhatsNewCount } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { createDocumentWithVersion, uploadVersion } from './factories.js';
import { createDraft, sendStatement } from './statement-fixtures.js';
import { submit, transition } from './submission-fixtures.js';

describe("What's new", () => {
  const demo = useApiWithDemoPeople();
  const { as } = demo;

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
    const anonymous = new TestClient(demo.api.url);
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
    const first = await visit(as('member@dmtf'));
    expect(first.previousVisit).toBeNull();
    expect(first.items.every((item) => item.new)).toBe(true);
    expect(await count(as('member@dmtf'))).toBe(0);
    const firstVisit = (await whatsNew(as('member@dmtf'))).previousVisit;
    expect(firstVisit).not.toBeNull();

    const document = await createDocumentWithVersion(as('admin@ofa'), {
      organization: 'ofa',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const draft = await createDraft(as('editor@ofa'), { title: 'Fabric model: news for DMTF' });
    await sendStatement(as('admin@ofa'), draft.id);

    expect(await count(as('member@dmtf'))).toBe(2);
    const before = await whatsNew(as('member@dmtf'));
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
    expect(await count(as('member@dmtf'))).toBe(2);

    const opened = await visit(as('member@dmtf'));
    expect(opened).toEqual(before);
    expect(await count(as('member@dmtf'))).toBe(0);
    const after = await whatsNew(as('member@dmtf'));
    expect(after.previousVisit).not.toBe(firstVisit);
    expect(after.items.slice(0, 2).map((item) => [item.id, item.new])).toEqual([
      [draft.id, false],
      [document.versionId, false],
    ]);

    const second = await uploadVersion(as('admin@ofa'), document.id, '0.2');
    expect(await count(as('member@dmtf'))).toBe(1);
    expect((await whatsNew(as('member@dmtf'))).items[0]).toMatchObject({ id: second, new: true });
  });

  it("leaves out the caller's own doings and withdrawn versions", async () => {
    await visit(as('admin@ofa'));
    await visit(as('member@dmtf'));
    const document = await createDocumentWithVersion(as('admin@ofa'), {
      organization: 'ofa',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    expect(await count(as('admin@ofa'))).toBe(0);
    expect((await whatsNew(as('admin@ofa'))).items.map((item) => item.id)).not.toContain(
      document.versionId,
    );
    expect(await count(as('member@dmtf'))).toBe(1);

    const withdrawn = await as('admin@ofa').json(
      'POST',
      `/api/v1/documents/${document.id}/versions/${document.versionId}/withdraw`,
      { reason: 'Uploaded by mistake' },
    );
    expect(withdrawn.status).toBe(200);
    expect(await count(as('member@dmtf'))).toBe(0);
    expect((await whatsNew(as('member@dmtf'))).items.map((item) => item.id)).not.toContain(
      document.versionId,
    );
  });

  it('tells the submitting side of a decision, not the admin who made it', async () => {
    await visit(as('editor@ofa'));
    await visit(as('admin@dmtf'));
    const submission = await submit(as('editor@ofa'), { title: 'Fabric telemetry' });
    expect((await transition(as('admin@dmtf'), submission.id, 'under-review')).status).toBe(200);
    expect((await transition(as('admin@dmtf'), submission.id, 'accepted', 'Welcome')).status).toBe(
      200,
    );

    expect(await count(as('admin@dmtf'))).toBe(0);
    expect(await count(as('editor@ofa'))).toBe(1);
    const [decision] = (await whatsNew(as('editor@ofa'))).items;
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
