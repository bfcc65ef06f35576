import { describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { createDocument, type DocumentFields } from './factories.js';

const demo = useApiWithDemoPeople();
const { as } = demo;
const anonymous = () => new TestClient(demo.api.url);

interface Page {
  items: {
    id: string;
    identifier: string;
    organization: string;
    visibility: string;
    registers: string[];
  }[];
  nextCursor: string | null;
}

async function create(client: TestClient, fields: DocumentFields) {
  return (await createDocument(client, fields)).id;
}

async function page(client: TestClient, query: string): Promise<Page> {
  const response = await client.json<Page>('GET', `/api/v1/documents?${query}`);
  expect(response.status).toBe(200);
  return response.body;
}

describe('GET /api/v1/documents', () => {
  it('pages newest first with a cursor that stays stable while documents are added', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 25; index++) {
      ids.push(
        await create(as('admin@ofa'), {
          organization: 'ofa',
          identifier: `OFA-PAGE-${String(index).padStart(2, '0')}`,
          title: `Paging document ${index}`,
          status: 'informational',
          visibility: 'public',
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const current: Page = await page(
        anonymous(),
        `organization=ofa&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...current.items.map((item) => item.id));
      cursor = current.nextCursor;
      pages++;
      // New documents arriving between pages must neither repeat nor hide older ones.
      await create(as('admin@ofa'), {
        organization: 'ofa',
        identifier: `OFA-LATE-${pages}`,
        title: 'Arrived while paging',
        status: 'informational',
        visibility: 'public',
      });
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBe(3);
  });

  it('searches identifier, title and abstract in full text', async () => {
    const id = await create(as('admin@dmtf'), {
      organization: 'dmtf',
      identifier: 'DSP0266',
      title: 'Redfish Specification',
      abstract: 'The RESTful interface for managing servers, storage and networking fabrics.',
      status: 'standard',
      visibility: 'public',
    });
    for (const q of ['DSP0266', 'redfish', 'networking fabric', '"managing servers"']) {
      const result = await page(anonymous(), `q=${encodeURIComponent(q)}`);
      expect(
        result.items.map((item) => item.id),
        q,
      ).toContain(id);
    }
    expect((await page(anonymous(), 'q=swordfish')).items.map((item) => item.id)).not.toContain(id);
  });

  it('filters by organization, status, visibility and register', async () => {
    const shared = await create(as('admin@dmtf'), {
      organization: 'dmtf',
      identifier: 'DSP-WIP-FABRIC',
      title: 'Fabric work in progress',
      status: 'work-in-progress',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const ofaMember = as('member@ofa');
    const byRegister = await page(ofaMember, 'register=ofa-dmtf');
    expect(byRegister.items.map((item) => item.id)).toEqual([shared]);
    expect(byRegister.items[0]?.registers).toEqual(['ofa-dmtf']);
    const wip = await page(
      ofaMember,
      'status=work-in-progress&visibility=partners&organization=dmtf',
    );
    expect(wip.items.map((item) => item.id)).toEqual([shared]);
    // Anonymous callers never see it, whatever they filter by.
    expect((await page(anonymous(), 'register=ofa-dmtf')).items).toEqual([]);
    expect((await page(anonymous(), 'visibility=partners')).items).toEqual([]);
  });

  it('lists released documents (public, informational or standard) apart from the rest', async () => {
    const released = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-STD',
      title: 'Released standard',
      status: 'standard',
      visibility: 'public',
    });
    const publicWip = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-WIP',
      title: 'Public work in progress',
      status: 'work-in-progress',
      visibility: 'public',
    });
    const partnersInformational = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-PARTNERS',
      title: 'Informational, partners only',
      status: 'informational',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const internalStandard = await create(as('admin@ofa'), {
      organization: 'ofa',
      identifier: 'OFA-REL-ORG',
      title: 'Standard, organization only',
      status: 'standard',
      visibility: 'organization',
    });
    // A released document is listed as released once it has a file.
    expect((await as('admin@ofa').upload(released, '1.0', '%PDF-1.7 standard')).status).toBe(201);
    const mine = new Set([released, publicWip, partnersInformational, internalStandard]);
    const ids = async (client: TestClient, query: string) =>
      (await page(client, `organization=ofa&limit=100&${query}`)).items
        .map((item) => item.id)
        .filter((id) => mine.has(id));

    const ofaMember = as('member@ofa');
    expect(await ids(ofaMember, 'released=true')).toEqual([released]);
    expect(await ids(ofaMember, 'released=false')).toEqual([
      internalStandard,
      partnersInformational,
      publicWip,
    ]);
    expect(await ids(ofaMember, '')).toHaveLength(4);
    expect(await ids(anonymous(), 'released=true')).toEqual([released]);
    expect(await ids(anonymous(), 'released=false')).toEqual([publicWip]);
    expect(await ids(ofaMember, 'released=true&status=work-in-progress')).toEqual([]);
  });

  it('refuses unknown filters and bad values with 400', async () => {
    for (const query of [
      'released=maybe',
      'limit=0',
      'limit=101',
      'status=draft',
      'cursor=a%20b',
      'sort=random',
      'visibility=secret',
    ]) {
      const response = await anonymous().json<{ error: { code: string } }>(
        'GET',
        `/api/v1/documents?${query}`,
      );
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe('invalid_input');
    }
    // Well formed, but no nextCursor of the list's sort.
    for (const query of ['cursor=abc', 'sort=title&cursor=123']) {
      const response = await anonymous().json<{ error: { code: string } }>(
        'GET',
        `/api/v1/documents?${query}`,
      );
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe('invalid_cursor');
    }
  });
});

describe('PATCH /api/v1/documents/:id', () => {
  it('lets an editor move a document between organization and partners, but not make it public', async () => {
    const editor = as('editor@ofa');
    const id = await create(editor, {
      organization: 'ofa',
      identifier: 'OFA-SUB-1',
      title: 'Fabric management model',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    const toPartners = await editor.json<{ visibility: string; registers: string[] }>(
      'PATCH',
      `/api/v1/documents/${id}`,
      { visibility: 'partners', registers: ['ofa-dmtf'] },
    );
    expect(toPartners.status).toBe(200);
    expect(toPartners.body).toMatchObject({ visibility: 'partners', registers: ['ofa-dmtf'] });
    expect(
      (await editor.json('PATCH', `/api/v1/documents/${id}`, { visibility: 'public' })).status,
    ).toBe(403);
    const notParty = await editor.json<{ error: { code: string } }>(
      'PATCH',
      `/api/v1/documents/${id}`,
      {
        registers: ['snia-dmtf'],
      },
    );
    expect(notParty.status).toBe(422);
    expect(notParty.body.error.code).toBe('register_not_shared');
    expect((await editor.json('PATCH', `/api/v1/documents/${id}`, {})).status).toBe(400);
  });
});
