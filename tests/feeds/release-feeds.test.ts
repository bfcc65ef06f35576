// The web app's Atom feeds, served by their real route handlers against a real API (in this
// process, on an embedded PostgreSQL and S3 with the demo data), read back by a feed parser.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClient } from '../../apps/api/test/client.js';
import { parseAtom } from '../../apps/web/test/atom-checks.js';
import { type FeedApi, loadFeedRoute, type RouteModule, startFeedApi, WEB } from './feed-api.js';

// Whoever asks, the feed is built as for anyone, never with their session. Here every session
// holds a token the API refuses (401): a feed that sent it would fail.
vi.mock('../../apps/web/lib/session', () => ({
  getAccessToken: async () => 'a-session-token-the-api-refuses',
}));

const portalFeed = await loadFeedRoute('releases.atom/route.ts');
const organizationFeed = await loadFeedRoute('[organization]/releases.atom/route.ts');

let api: FeedApi;
let apiUrl: string;

beforeAll(async () => {
  api = await startFeedApi();
  apiUrl = api.url;
});

afterAll(async () => {
  await api?.close();
});

async function feed(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${WEB}${path}`, { headers });
  const organization = /^\/feeds\/([^/]+)\/releases\.atom$/.exec(path)?.[1];
  return organization === undefined
    ? portalFeed.GET(request)
    : organizationFeed.GET(request, { params: Promise.resolve({ organization }) });
}

async function entriesOf(path: string) {
  const response = await feed(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  return parseAtom(await response.text());
}

async function create(client: TestClient, body: Record<string, unknown>): Promise<string> {
  const created = await client.json<{ id: string }>('POST', '/api/v1/documents', body);
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('the release feeds', () => {
  it('hold exactly the released public documents, newest release first, per organization too', async () => {
    const dmtfAdmin = await TestClient.signIn(apiUrl, 'admin@dmtf.example');
    const ofaAdmin = await TestClient.signIn(apiUrl, 'admin@ofa.example');
    // Informational, but for the partners only: released to no one.
    const partnersOnly = await create(dmtfAdmin, {
      organization: 'dmtf',
      identifier: 'DSP-FEED-PARTNERS',
      title: 'Fabric profile for the OFA only',
      status: 'informational',
      visibility: 'partners',
      registers: ['ofa-dmtf'],
    });
    const publicWip = await create(ofaAdmin, {
      organization: 'ofa',
      identifier: 'OFA-FEED-WIP',
      title: 'Public work in progress',
      status: 'work-in-progress',
      visibility: 'public',
    });
    // Released last, so first in the feeds; its title is hostile on purpose.
    const latest = await create(ofaAdmin, {
      organization: 'ofa',
      identifier: 'OFA-FEED-NEW',
      title: 'Fabrics <script>alert(1)</script> & "friends"',
      abstract: 'Released while the test ran.',
      status: 'work-in-progress',
      visibility: 'public',
    });
    const uploaded = await ofaAdmin.upload(
      latest,
      '1.0',
      '%PDF-1.7 fabrics',
      'fabrics-1.0.pdf',
      'application/pdf',
      'First edition & <notes>',
    );
    expect(uploaded.status).toBe(201);
    // Released, but without a file to read: left out of the feeds until it has one.
    const withoutFile = await create(ofaAdmin, {
      organization: 'ofa',
      identifier: 'OFA-FEED-NO-FILE',
      title: 'Released before its file was uploaded',
      status: 'informational',
      visibility: 'public',
    });
    const released = await ofaAdmin.json<{ releasedAt: string }>(
      'PATCH',
      `/api/v1/documents/${latest}`,
      { status: 'standard' },
    );
    expect(released.status).toBe(200);

    // What the API says is released, to anyone: the feed must hold exactly this.
    const anonymous = new TestClient(apiUrl);
    const expected = await anonymous.json<{
      items: { id: string; organization: string; visibility: string; status: string }[];
    }>('GET', '/api/v1/documents?released=true&limit=100');
    const releasedIds = expected.body.items.map((item) => `urn:uuid:${item.id}`);
    expect(releasedIds.length).toBeGreaterThan(3);
    expect(expected.body.items.every((item) => item.visibility === 'public')).toBe(true);

    const all = await entriesOf('/feeds/releases.atom');
    const ids = all.entries?.map((entry) => entry.id ?? '') ?? [];
    expect(new Set(ids)).toEqual(new Set(releasedIds));
    expect(ids).toHaveLength(releasedIds.length);
    expect(ids[0]).toBe(`urn:uuid:${latest}`);
    expect(ids).not.toContain(`urn:uuid:${partnersOnly}`);
    expect(ids).not.toContain(`urn:uuid:${publicWip}`);
    expect(ids).not.toContain(`urn:uuid:${withoutFile}`);
    const times = all.entries?.map((entry) => entry.updated ?? '') ?? [];
    expect(times).toEqual([...times].sort().reverse());
    expect(all.updated).toBe(released.body.releasedAt);
    expect(all.id).toBe(`${WEB}/feeds/releases.atom`);
    expect(all.links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: `${WEB}/feeds/releases.atom`,
    });

    const first = all.entries![0]!;
    // The newest version, its change note, and an absolute link to its file.
    expect(first.title?.value).toBe(
      'OFA-FEED-NEW 1.0: Fabrics <script>alert(1)</script> & "friends"',
    );
    expect(first.updated).toBe(released.body.releasedAt);
    expect(first.links).toEqual([
      { rel: 'alternate', type: 'text/html', href: `${WEB}/documents/${latest}` },
      {
        rel: 'enclosure',
        title: 'fabrics-1.0.pdf',
        href: `${WEB}/documents/${latest}/versions/${uploaded.body.id}/download`,
      },
    ]);
    expect(first.summary?.value).toBe(
      'Released while the test ran.\n\nVersion 1.0: First edition & <notes>',
    );
    // The link serves the file, to anyone (the document is public).
    const file = await anonymous.fetch(
      `/api/v1/documents/${latest}/versions/${uploaded.body.id}/content`,
    );
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('%PDF-1.7 fabrics');
    expect(first.authors?.[0]?.name).toBe('OpenFabrics Alliance');
    expect(first.categories).toEqual([{ term: 'standard', label: 'Standard' }]);

    // One organization's feed: its releases only, in the same order.
    for (const organization of ['dmtf', 'ofa', 'snia']) {
      const own = await entriesOf(`/feeds/${organization}/releases.atom`);
      const wanted = expected.body.items
        .filter((item) => item.organization === organization)
        .map((item) => `urn:uuid:${item.id}`);
      expect(own.entries?.map((entry) => entry.id) ?? []).toEqual(
        ids.filter((id) => wanted.includes(id)),
      );
      expect(own.id).toBe(`${WEB}/feeds/${organization}/releases.atom`);
    }
    const dmtf = await entriesOf('/feeds/dmtf/releases.atom');
    expect(dmtf.title?.value).toBe('Distributed Management Task Force: released documents');
    expect(dmtf.entries?.length).toBeGreaterThan(0);
    expect(dmtf.entries?.map((entry) => entry.id)).not.toContain(`urn:uuid:${partnersOnly}`);
  });

  it('answer 404 for an organization that does not exist, and 304 to a reader that is up to date', async () => {
    for (const path of ['/feeds/nobody/releases.atom', '/feeds/NOT..A..SLUG/releases.atom']) {
      const missing = await feed(path);
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    }

    const fresh = await feed('/feeds/releases.atom');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = fresh.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await feed('/feeds/releases.atom', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await feed('/feeds/releases.atom', { 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
  });

  it('answer 502, not an empty feed, when the API cannot be reached', async () => {
    vi.stubEnv('LIAISON_API_URL', 'http://127.0.0.1:9');
    try {
      // The web app parses its environment once per process: a fresh module graph is a fresh
      // process here.
      vi.resetModules();
      const unreachable: RouteModule = await loadFeedRoute('releases.atom/route.ts');
      const response = await unreachable.GET(new Request(`${WEB}/feeds/releases.atom`));
      expect(response.status).toBe(502);
      expect(response.headers.get('cache-control')).toBe('no-store');
    } finally {
      vi.stubEnv('LIAISON_API_URL', apiUrl);
    }
  });
});
