/**
 * A `partners` document is shared under at least one work register: without one it would be read
 * by nobody outside its owner. Creating one, or changing one's visibility or registers into that,
 * is refused with 400 naming the field, and changes nothing. Documents saved so before the rule
 * stay exactly as readable as they were.
 */
import { describe, expect, it } from 'vitest';
import { useApiWithDemoPeople } from './demo-actors.js';
import { createDocument, uniqueIdentifier } from './factories.js';

interface DocumentBody {
  title: string;
  visibility: string;
  registers: string[];
  updatedAt: string;
}

const demo = useApiWithDemoPeople();
const { as } = demo;

async function readBack(id: string) {
  const read = await as('editor@dmtf').json<DocumentBody>('GET', `/api/v1/documents/${id}`);
  expect(read.status).toBe(200);
  return read.body;
}

function expectRefusal(answer: { status: number; body: unknown }) {
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: {
      code: 'partners_without_register',
      message: expect.stringMatching(/^registers: /),
    },
  });
}

describe('a partners document needs a register', () => {
  it('refuses to create one under no register, and creates nothing', async () => {
    for (const registers of [[], undefined]) {
      const identifier = uniqueIdentifier('NOREG');
      const refused = await as('editor@dmtf').json('POST', '/api/v1/documents', {
        organization: 'dmtf',
        identifier,
        title: 'Shared with nobody',
        status: 'work-in-progress',
        visibility: 'partners',
        ...(registers ? { registers } : {}),
      });
      expectRefusal(refused);
      const lookup = await as('editor@dmtf').json(
        'GET',
        `/api/v1/organizations/dmtf/documents/${identifier}`,
      );
      expect(lookup.status).toBe(404);
    }
  });

  it('refuses to share an organization document with partners under no register', async () => {
    const { id } = await createDocument(as('editor@dmtf'), { organization: 'dmtf' });
    const before = await readBack(id);
    expectRefusal(
      await as('editor@dmtf').json('PATCH', `/api/v1/documents/${id}`, { visibility: 'partners' }),
    );
    expectRefusal(
      await as('editor@dmtf').json('PATCH', `/api/v1/documents/${id}`, {
        visibility: 'partners',
        registers: [],
        title: 'Retitled on the way',
      }),
    );
    expect(await readBack(id)).toEqual(before);

    // Shared under a register, it goes through.
    const shared = await as('editor@dmtf').json<DocumentBody>('PATCH', `/api/v1/documents/${id}`, {
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ visibility: 'partners', registers: ['ofa-dmtf'] });
  });

  it('refuses to take the last register from a partners document', async () => {
    const { id } = await createDocument(as('editor@dmtf'), {
      organization: 'dmtf',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const before = await readBack(id);
    expectRefusal(
      await as('editor@dmtf').json('PATCH', `/api/v1/documents/${id}`, { registers: [] }),
    );
    expect(await readBack(id)).toEqual(before);
    expect((await as('member@ofa').json('GET', `/api/v1/documents/${id}`)).status).toBe(200);

    // Taking it back to the organization with its registers dropped is fine.
    const narrowed = await as('editor@dmtf').json<DocumentBody>(
      'PATCH',
      `/api/v1/documents/${id}`,
      {
        visibility: 'organization',
        registers: [],
      },
    );
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({ visibility: 'organization', registers: [] });
  });

  it('keeps a partners document saved under no register before the rule readable as before', async () => {
    const { id } = await createDocument(as('editor@dmtf'), { organization: 'dmtf' });
    // As such rows were saved before the rule: straight into the database.
    await demo.api.pool.query(`update documents set visibility = 'partners' where id = $1`, [id]);
    const legacy = await readBack(id);
    expect(legacy).toMatchObject({ visibility: 'partners', registers: [] });
    expect((await as('member@ofa').json('GET', `/api/v1/documents/${id}`)).status).toBe(404);

    // Edits that leave who sees it alone still go through.
    const retitled = await as('editor@dmtf').json<DocumentBody>(
      'PATCH',
      `/api/v1/documents/${id}`,
      {
        title: 'Still shared with nobody',
      },
    );
    expect(retitled.status).toBe(200);
    expect(retitled.body).toMatchObject({ visibility: 'partners', registers: [] });
    // Choosing a register fixes it.
    const fixed = await as('editor@dmtf').json<DocumentBody>('PATCH', `/api/v1/documents/${id}`, {
      registers: ['ofa-dmtf'],
    });
    expect(fixed.status).toBe(200);
    expect((await as('member@ofa').json('GET', `/api/v1/documents/${id}`)).status).toBe(200);
  });
});
