import { describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';

const demo = useApiWithDemoPeople();
const { as } = demo;

describe('GET /api/v1/organizations/:slug/documents/:identifier', () => {
  it('finds a document by its owner and identifier, answering 404 to those who may not read it', async () => {
    const created = await as('editor@dmtf').json<{ id: string }>('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: 'DSP-LOOKUP.1',
      title: 'Looked up by identifier',
      status: 'work-in-progress',
      visibility: 'organization',
    });
    expect(created.status).toBe(201);

    const found = await as('editor@dmtf').json<{
      id: string;
      identifier: string;
      versions: unknown[];
    }>('GET', '/api/v1/organizations/dmtf/documents/DSP-LOOKUP.1');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: created.body.id, identifier: 'DSP-LOOKUP.1' });
    expect(found.body.versions).toEqual([]);

    // Identifiers are exact: another case or another owner is another document.
    for (const path of [
      '/api/v1/organizations/dmtf/documents/dsp-lookup.1',
      '/api/v1/organizations/ofa/documents/DSP-LOOKUP.1',
      '/api/v1/organizations/nobody/documents/DSP-LOOKUP.1',
    ]) {
      expect((await as('editor@dmtf').json('GET', path)).status).toBe(404);
    }

    // Unreadable answers exactly like missing.
    const ofaMember = as('member@ofa');
    const hidden = await ofaMember.json('GET', '/api/v1/organizations/dmtf/documents/DSP-LOOKUP.1');
    const missing = await ofaMember.json('GET', '/api/v1/organizations/dmtf/documents/DSP-NONE');
    expect(hidden).toEqual(missing);
    expect(hidden.status).toBe(404);
    const anonymous = await new TestClient(demo.api.url).json(
      'GET',
      '/api/v1/organizations/dmtf/documents/DSP-LOOKUP.1',
    );
    expect(anonymous.status).toBe(404);
  });

  it('refuses malformed slugs and identifiers with 400', async () => {
    for (const path of [
      '/api/v1/organizations/DMTF!/documents/DSP0266',
      '/api/v1/organizations/dmtf/documents/-DSP0266',
      `/api/v1/organizations/dmtf/documents/${'X'.repeat(65)}`,
    ]) {
      const answer = await as('editor@dmtf').json<{ error: { code: string } }>('GET', path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error.code).toBeTypeOf('string');
    }
  });
});
