import { describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { useApiWithDemoPeople } from './demo-actors.js';
import { sha256 } from './helpers.js';

const demo = useApiWithDemoPeople();
const { as } = demo;
const anonymous = () => new TestClient(demo.api.url);

describe('a document from creation to deletion', () => {
  it('is created, uploaded, shared with partners, released, withdrawn and deleted, with an audit trail', async () => {
    const created = await as('editor@dmtf').json<{
      id: string;
      permissions: Record<string, boolean>;
    }>('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier: 'DSP0290',
      title: 'Redfish Fabric Extensions (WIP)',
      abstract: 'Fabric models for Redfish contributed with the OpenFabrics Alliance.',
      status: 'work-in-progress',
      visibility: 'organization',
      // Its stand-in PDF could not be stamped; watermarks.test.ts covers those.
      watermark: false,
      registers: ['ofa-dmtf'],
    });
    expect(created.status).toBe(201);
    expect(created.body.permissions).toEqual({
      edit: true,
      release: false,
      upload: true,
      delete: false,
      withdraw: false,
      seeDownloads: true,
    });
    const id = created.body.id;

    const content = '%PDF-1.7 fabric extensions draft';
    const uploaded = await as('editor@dmtf').upload(
      id,
      '0.9a',
      content,
      'Redfish Fabric Extensions ü.pdf',
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      label: '0.9a',
      filename: 'Redfish Fabric Extensions ü.pdf',
      size: content.length,
      mediaType: 'application/pdf',
      sha256: sha256(content),
      createdBy: 'editor@dmtf.example',
    });
    const versionId = uploaded.body.id as string;

    // Organization-only: OFA cannot see it yet, and cannot tell it exists.
    expect((await as('member@ofa').json('GET', `/api/v1/documents/${id}`)).status).toBe(404);

    const shared = await as('editor@dmtf').json('PATCH', `/api/v1/documents/${id}`, {
      visibility: 'partners',
    });
    expect(shared.status).toBe(200);
    expect((await as('member@ofa').json('GET', `/api/v1/documents/${id}`)).status).toBe(200);
    // SNIA is a DMTF partner too, but not under the OFA/DMTF register.
    expect((await as('member@snia').json('GET', `/api/v1/documents/${id}`)).status).toBe(404);

    const download = await as('member@ofa').fetch(
      `/api/v1/documents/${id}/versions/${versionId}/content`,
    );
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(content);
    expect(download.headers.get('etag')).toBe(`"${sha256(content)}"`);
    // Saved as <identifier>_<version>.<ext>, whatever the uploaded file was called.
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="DSP0290_0.9a.pdf"; filename*=UTF-8''DSP0290_0.9a.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe('sandbox');

    const ranged = await as('member@ofa').fetch(
      `/api/v1/documents/${id}/versions/${versionId}/content`,
      {
        headers: { range: 'bytes=5-7' },
      },
    );
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 5-7/${content.length}`);
    expect(await ranged.text()).toBe(content.slice(5, 8));

    const cached = await as('member@ofa').fetch(
      `/api/v1/documents/${id}/versions/${versionId}/content`,
      {
        headers: { 'if-none-match': `"${sha256(content)}"` },
      },
    );
    expect(cached.status).toBe(304);

    const inline = await as('member@ofa').fetch(
      `/api/v1/documents/${id}/versions/${versionId}/content?inline=1`,
    );
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);

    // An editor may not release; an admin may.
    const refused = await as('editor@dmtf').json<{ error: { code: string } }>(
      'PATCH',
      `/api/v1/documents/${id}`,
      {
        visibility: 'public',
        status: 'informational',
      },
    );
    expect(refused.status).toBe(403);
    const released = await as('admin@dmtf').json('PATCH', `/api/v1/documents/${id}`, {
      visibility: 'public',
      status: 'informational',
    });
    expect(released.status).toBe(200);
    const listed = await anonymous().json<{ items: { id: string }[] }>(
      'GET',
      '/api/v1/documents?q=fabric',
    );
    expect(listed.body.items.map((item) => item.id)).toContain(id);

    const withdrawn = await as('admin@dmtf').json<{ versions: { withdrawn: unknown }[] }>(
      'POST',
      `/api/v1/documents/${id}/versions/${versionId}/withdraw`,
      { reason: 'Superseded by 0.9b' },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.versions[0]?.withdrawn).toMatchObject({ reason: 'Superseded by 0.9b' });
    const publicView = await anonymous().json<{ versions: unknown[] }>(
      'GET',
      `/api/v1/documents/${id}`,
    );
    expect(publicView.body.versions).toEqual([]);
    expect(
      (await anonymous().fetch(`/api/v1/documents/${id}/versions/${versionId}/content`)).status,
    ).toBe(404);

    const audit = await as('admin@dmtf').json<{ items: { action: string; objectId: string }[] }>(
      'GET',
      '/api/v1/audit?organization=dmtf',
    );
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((event) => event.action);
    for (const action of [
      'document.create',
      'version.upload',
      'document.update',
      'version.download',
      'version.withdraw',
    ]) {
      expect(actions).toContain(action);
    }
    expect((await as('member@ofa').json('GET', '/api/v1/audit')).status).toBe(403);
    // OFA's admin reads what OFA's members did, even to DMTF's document, and nothing else of it.
    const ofaAdmin = as('admin@ofa');
    const ofaView = await ofaAdmin.json<{
      items: { action: string; actor: string; objectId: string }[];
    }>('GET', `/api/v1/audit?action=version.download`);
    expect(ofaView.body.items.length).toBeGreaterThan(0);
    expect(ofaView.body.items.every((event) => event.actor === 'member@ofa.example')).toBe(true);
    const ofaSeesUpload = await ofaAdmin.json<{ items: unknown[] }>(
      'GET',
      '/api/v1/audit?action=version.upload',
    );
    expect(ofaSeesUpload.body.items).toEqual([]);

    expect((await as('editor@dmtf').json('DELETE', `/api/v1/documents/${id}`)).status).toBe(403);
    expect((await as('admin@dmtf').json('DELETE', `/api/v1/documents/${id}`)).status).toBe(204);
    expect((await anonymous().json('GET', `/api/v1/documents/${id}`)).status).toBe(404);
  });
});
