// Who uploaded a version, as each reader of a public document sees it: the owner's members the
// e-mail address, other signed-in readers the name, the public nobody (issue 17: uploaders'
// addresses were shown to anonymous visitors).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { createDocumentWithVersion } from './factories.js';
import { type RunningApi, startApi } from './helpers.js';

interface Version {
  id: string;
  createdBy: string | null;
}

let api: RunningApi;
let documentId: string;

beforeAll(async () => {
  api = await startApi();
  const ofaAdmin = await TestClient.signIn(api.url, 'admin@ofa.example');
  ({ id: documentId } = await createDocumentWithVersion(ofaAdmin, {
    organization: 'ofa',
    status: 'informational',
    visibility: 'public',
  }));
});

afterAll(async () => {
  await api.close();
});

async function uploaderSeenBy(client: TestClient): Promise<string | null> {
  const document = await client.json<{ versions: Version[] }>(
    'GET',
    `/api/v1/documents/${documentId}`,
  );
  expect(document.status).toBe(200);
  expect(document.body.versions).toHaveLength(1);
  return document.body.versions[0]!.createdBy;
}

describe('the uploader of a version of a public document', () => {
  it('is an e-mail address to members of the owner organization', async () => {
    const ofaMember = await TestClient.signIn(api.url, 'member@ofa.example');
    expect(await uploaderSeenBy(ofaMember)).toBe('admin@ofa.example');
  });

  it('is a name to signed-in readers of other organizations', async () => {
    const dmtfMember = await TestClient.signIn(api.url, 'member@dmtf.example');
    expect(await uploaderSeenBy(dmtfMember)).toBe('OFA Admin');
  });

  it('is nobody to the public, in the document and in the list', async () => {
    const anonymous = new TestClient(api.url);
    expect(await uploaderSeenBy(anonymous)).toBeNull();
    const raw = await anonymous.fetch(`/api/v1/documents/${documentId}`);
    expect(await raw.text()).not.toContain('@ofa.example');
  });
});
