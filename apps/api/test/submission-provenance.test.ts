/**
 * A document made from a submission shows where it came from (issue 17): the submitting
 * organization and the IPR acknowledgement to everyone who can read the document, the
 * submission's reference and link only to those who may read that submission.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { iprSha256, type SubmissionBody, submit, transition } from './submission-fixtures.js';

interface DocumentBody {
  abstract: string;
  provenance: {
    from: { slug: string; name: string };
    submission: { id: string; reference: string } | null;
    ipr: { organization: string; policySha256: string; at: string; by: string | null };
  } | null;
}

const demo = useApiWithDemoPeople();
const { as } = demo;

let submission: SubmissionBody;
let documentId: string;

beforeAll(async () => {
  submission = await submit(as('editor@ofa'), { title: 'Fabric model, for provenance' });
  const reviewer = as('admin@dmtf');
  expect((await transition(reviewer, submission.id, 'under-review')).status).toBe(200);
  expect((await transition(reviewer, submission.id, 'accepted', 'Welcome')).status).toBe(200);
  const adopted = await reviewer.json<SubmissionBody>(
    'POST',
    `/api/v1/submissions/${submission.id}/document`,
    { fileId: submission.files[0]!.id, identifier: 'DSP-PROVENANCE' },
  );
  expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
  documentId = adopted.body.document!.id;
});

const read = (client: TestClient) =>
  client.json<DocumentBody>('GET', `/api/v1/documents/${documentId}`);

describe('a document made from a submission', () => {
  it('takes over the description and shows its provenance, link included, to the receiving admin', async () => {
    const answer = await read(as('admin@dmtf'));
    expect(answer.status).toBe(200);
    expect(answer.body.abstract).toBe('A contribution of the OFA fabric model');
    expect(answer.body.provenance).toEqual({
      from: { slug: 'ofa', name: expect.any(String) },
      submission: { id: submission.id, reference: submission.reference },
      ipr: {
        organization: 'dmtf',
        policySha256: await iprSha256(as('admin@dmtf'), 'dmtf'),
        at: submission.ipr.at,
        by: 'editor@ofa.example',
      },
    });
    expect(submission.reference).toMatch(/^OFA-DMTF-\d{4}-\d{3}$/);
  });

  it('shows a receiving member the organization and the acknowledgement, but no link', async () => {
    const answer = await read(as('member@dmtf'));
    expect(answer.status).toBe(200);
    expect(answer.body.provenance?.from.slug).toBe('ofa');
    expect(answer.body.provenance?.ipr.by).toBe('editor@ofa.example');
    expect(answer.body.provenance?.submission).toBeNull();
    expect(JSON.stringify(answer.body)).not.toContain(submission.reference);
    expect(JSON.stringify(answer.body)).not.toContain(submission.id);
  });

  it('stays unreadable to the submitting side while the document is the receiver’s alone', async () => {
    expect((await read(as('editor@ofa'))).status).toBe(404);
  });

  describe('once the document is public', () => {
    beforeAll(async () => {
      const made = await as('admin@dmtf').json('PATCH', `/api/v1/documents/${documentId}`, {
        visibility: 'public',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(200);
    });

    it.each([
      ['editor@ofa', true],
      ['admin@ofa', true],
      ['member@ofa', false],
      ['editor@dmtf', false],
      ['admin@snia', false],
      ['member@snia', false],
    ])('%s sees the link: %s', async (name, linked) => {
      const ownerMember = name.endsWith('@dmtf');
      const answer = await read(as(name));
      expect(answer.status).toBe(200);
      expect(answer.body.provenance?.from.slug).toBe('ofa');
      expect(answer.body.provenance?.ipr.organization).toBe('dmtf');
      // The acknowledger is shown as uploaders are: the address inside the owner organization,
      // the name to other signed-in readers.
      expect(answer.body.provenance?.ipr.by).toEqual(
        ownerMember ? 'editor@ofa.example' : expect.not.stringContaining('@'),
      );
      expect(answer.body.provenance?.submission).toEqual(
        linked ? { id: submission.id, reference: submission.reference } : null,
      );
      if (!linked) expect(JSON.stringify(answer.body)).not.toContain(submission.reference);
    });

    it('shows the public the organization and the acknowledgement, without link or person', async () => {
      const answer = await read(new TestClient(demo.api.url));
      expect(answer.status).toBe(200);
      expect(answer.body.provenance).toMatchObject({
        from: { slug: 'ofa' },
        submission: null,
        ipr: { organization: 'dmtf', by: null, at: submission.ipr.at },
      });
      expect(JSON.stringify(answer.body)).not.toContain(submission.reference);
      expect(JSON.stringify(answer.body)).not.toContain(submission.id);
    });
  });

  it('a document created directly has no provenance', async () => {
    const created = await as('admin@dmtf').json<DocumentBody & { id: string }>(
      'POST',
      '/api/v1/documents',
      {
        organization: 'dmtf',
        identifier: 'DSP-NO-PROVENANCE',
        title: 'Written here',
        status: 'work-in-progress',
        visibility: 'organization',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.provenance).toBeNull();
    expect((await read(as('admin@dmtf'))).body.provenance).not.toBeNull();
    const again = await as('admin@dmtf').json<DocumentBody>(
      'GET',
      `/api/v1/documents/${created.body.id}`,
    );
    expect(again.body.provenance).toBeNull();
  });
});
