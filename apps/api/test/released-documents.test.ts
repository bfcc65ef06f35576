// The release time of a document and the list of released documents, newest release first: what
// the Atom feeds of the web app are built from.
import { isReleased } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';

interface Summary {
  id: string;
  latestVersion: { id: string } | null;
  organization: string;
  status: 'work-in-progress' | 'informational' | 'standard';
  visibility: 'public' | 'partners' | 'organization';
  createdAt: string;
  updatedAt: string;
  releasedAt: string | null;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

const demo = useApiWithDemoPeople();
const { as } = demo;
const anonymous = () => new TestClient(demo.api.url);

async function create(client: TestClient, body: Record<string, unknown>): Promise<Summary> {
  // Without watermarks: the stand-in PDFs uploaded here could not be stamped.
  const created = await client.json<Summary>('POST', '/api/v1/documents', {
    watermark: false,
    ...body,
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function patch(client: TestClient, id: string, body: Record<string, unknown>) {
  const updated = await client.json<Summary>('PATCH', `/api/v1/documents/${id}`, body);
  expect(updated.status).toBe(200);
  return updated.body;
}

/** Every document of a listing, following nextCursor page by page. */
async function listAll(client: TestClient, query: string, limit = 100): Promise<Summary[]> {
  const all: Summary[] = [];
  let cursor: string | null = null;
  do {
    const response: { status: number; body: Page } = await client.json<Page>(
      'GET',
      `/api/v1/documents?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(response.status).toBe(200);
    all.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return all;
}

const ids = (items: Summary[]) => items.map((item) => item.id);

describe('releasedAt', () => {
  it('is set when a document becomes released, kept while it stays so, cleared when it stops', async () => {
    const draft = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-LIFE',
      title: 'Release life cycle',
      status: 'work-in-progress',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    expect(draft.releasedAt).toBeNull();

    // Public work in progress is published, not released.
    expect(
      (await patch(as('admin@ofa'), draft.id, { visibility: 'public' })).releasedAt,
    ).toBeNull();

    // Released in the same transaction that changed it: the release time is that change's time.
    const released = await patch(as('admin@ofa'), draft.id, { status: 'informational' });
    expect(released.releasedAt).toBe(released.updatedAt);
    expect(released.releasedAt! > draft.createdAt).toBe(true);

    // Still released: becoming a standard, or a new title, is not a new release.
    const standard = await patch(as('admin@ofa'), draft.id, { status: 'standard' });
    expect(standard.releasedAt).toBe(released.releasedAt);
    const retitled = await patch(as('admin@ofa'), draft.id, {
      title: 'Release life cycle, revised',
    });
    expect(retitled.releasedAt).toBe(released.releasedAt);
    expect(retitled.updatedAt > released.releasedAt!).toBe(true);

    const fetched = await anonymous().json<Summary>('GET', `/api/v1/documents/${draft.id}`);
    expect(fetched.body.releasedAt).toBe(released.releasedAt);

    // Taken back to the partners: no longer released, so no release time.
    expect(
      (await patch(as('admin@ofa'), draft.id, { visibility: 'partners' })).releasedAt,
    ).toBeNull();
    // Released again: a new release, at the time of that change.
    const again = await patch(as('admin@ofa'), draft.id, { visibility: 'public' });
    expect(again.releasedAt).toBe(again.updatedAt);
    expect(again.releasedAt! > released.releasedAt!).toBe(true);

    // Back to work in progress: not released either.
    expect(
      (await patch(as('admin@ofa'), draft.id, { status: 'work-in-progress' })).releasedAt,
    ).toBeNull();
  });

  it('is the creation time of a document created released', async () => {
    const created = await create(as('admin@dmtf'), {
      organization: 'dmtf',
      identifier: 'DSP-REL-BORN',
      title: 'Born released',
      status: 'standard',
      visibility: 'public',
    });
    expect(created.releasedAt).toBe(created.createdAt);
    // With a file, so that the released lists below hold it.
    expect((await as('admin@dmtf').upload(created.id, '1.0', '%PDF-1.7 born')).status).toBe(201);
  });

  it('is set on every released document and on no other', async () => {
    const everything = await listAll(as('admin@dmtf'), 'sort=created');
    expect(everything.some((item) => isReleased(item))).toBe(true);
    for (const item of everything) {
      expect(item.releasedAt !== null, `${item.id} ${item.visibility} ${item.status}`).toBe(
        isReleased(item),
      );
    }
  });
});

describe('GET /api/v1/documents?sort=released', () => {
  it('lists exactly the released documents, newest release first, the same for everyone', async () => {
    // Created oldest first; released in another order.
    const older = await create(as('admin@dmtf'), {
      organization: 'dmtf',
      identifier: 'DSP-REL-OLDER',
      title: 'Created first, released last',
      status: 'work-in-progress',
      visibility: 'public',
    });
    const partnersOnly = await create(as('admin@dmtf'), {
      organization: 'dmtf',
      identifier: 'DSP-REL-PARTNERS',
      title: 'Informational, for the partners only',
      status: 'informational',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const internal = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-INTERNAL',
      title: 'A standard kept inside the OFA',
      status: 'standard',
      visibility: 'organization',
    });
    const newer = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-NEWER',
      title: 'Created last, released at once',
      status: 'informational',
      visibility: 'public',
    });
    for (const [client, document] of [
      [as('admin@dmtf'), older],
      [as('admin@dmtf'), partnersOnly],
      [as('admin@ofa'), internal],
      [as('admin@ofa'), newer],
    ] as const) {
      expect((await client.upload(document.id, '1.0', '%PDF-1.7 release')).status).toBe(201);
    }
    await patch(as('admin@dmtf'), older.id, { status: 'standard' });

    const forAdmin = await listAll(as('admin@ofa'), 'sort=released', 2);
    // Exactly the released ones with a file among everything this admin can read.
    const readable = await listAll(as('admin@ofa'), 'sort=created');
    expect(new Set(ids(forAdmin))).toEqual(
      new Set(ids(readable.filter((item) => isReleased(item) && item.latestVersion !== null))),
    );
    expect(forAdmin.length).toBeGreaterThan(2);
    expect(ids(forAdmin).slice(0, 2)).toEqual([older.id, newer.id]);
    expect(ids(forAdmin)).not.toContain(partnersOnly.id);
    expect(ids(forAdmin)).not.toContain(internal.id);
    const times = forAdmin.map((item) => item.releasedAt!);
    expect(times).toEqual([...times].sort().reverse());

    // Released means public: anonymous callers and members see the very same list.
    expect(ids(await listAll(anonymous(), 'sort=released', 1))).toEqual(ids(forAdmin));
    expect(ids(await listAll(as('member@ofa'), 'sort=released'))).toEqual(ids(forAdmin));
    expect(ids(await listAll(anonymous(), 'sort=released&released=true'))).toEqual(ids(forAdmin));
    expect(await listAll(anonymous(), 'sort=released&released=false')).toEqual([]);

    const dmtfOnly = await listAll(anonymous(), 'sort=released&organization=dmtf');
    expect(ids(dmtfOnly)).toEqual(ids(forAdmin.filter((item) => item.organization === 'dmtf')));
    expect(ids(dmtfOnly)[0]).toBe(older.id);

    // The default order is still newest created first.
    const byCreation = await listAll(anonymous(), 'released=true');
    expect(ids(byCreation).indexOf(newer.id)).toBeLessThan(ids(byCreation).indexOf(older.id));
  });

  it('lists a released document only while it has a version that is not withdrawn', async () => {
    const document = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-NO-FILE',
      title: 'Released before its file',
      status: 'informational',
      visibility: 'public',
    });
    const listedAs = async () => ({
      released: ids(await listAll(anonymous(), 'sort=released')).includes(document.id),
      releasedFilter: ids(await listAll(anonymous(), 'released=true')).includes(document.id),
      others: ids(await listAll(as('admin@ofa'), 'released=false')).includes(document.id),
    });
    // Without a file it waits among the others, where its owner finds it to upload one.
    expect(await listedAs()).toEqual({ released: false, releasedFilter: false, others: true });

    const uploaded = await as('admin@ofa').upload(document.id, '1.0', '%PDF-1.7 now with a file');
    expect(uploaded.status).toBe(201);
    expect(await listedAs()).toEqual({ released: true, releasedFilter: true, others: false });

    const withdrawn = await as('admin@ofa').json(
      'POST',
      `/api/v1/documents/${document.id}/versions/${uploaded.body.id}/withdraw`,
      { reason: 'Wrong file' },
    );
    expect(withdrawn.status).toBe(200);
    expect(await listedAs()).toEqual({ released: false, releasedFilter: false, others: true });
  });

  it('refuses an unknown sort with a 400 JSON error', async () => {
    const response = await anonymous().json<{ error: { code: string } }>(
      'GET',
      '/api/v1/documents?sort=popular',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBeTypeOf('string');
  });
});
