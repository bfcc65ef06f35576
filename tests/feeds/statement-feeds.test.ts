// The Atom feed of a register's public liaison statements, served by its real route handler
// against a real API, read back by a feed parser.
import { addDays, utcDate } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClient } from '../../apps/api/test/client.js';
import { parseAtom } from '../../apps/web/test/atom-checks.js';
import { type FeedApi, loadFeedRoute, startFeedApi, WEB } from './feed-api.js';

// Whoever asks, the feed is built as for anyone, never with their session. Here every session
// holds a token the API refuses (401): a feed that sent it would fail.
vi.mock('../../apps/web/lib/session', () => ({
  getAccessToken: async () => 'a-session-token-the-api-refuses',
}));

const statementFeed = await loadFeedRoute('registers/[slug]/statements.atom/route.ts');

let api: FeedApi;

beforeAll(async () => {
  api = await startFeedApi();
});

afterAll(async () => {
  await api?.close();
});

function feed(slug: string, headers: Record<string, string> = {}): Promise<Response> {
  return statementFeed.GET(
    new Request(`${WEB}/feeds/registers/${slug}/statements.atom`, { headers }),
    { params: Promise.resolve({ slug }) },
  );
}

interface Sent {
  id: string;
  sentAt: string;
}

/** A statement written and sent by DMTF's admin under the OFA/DMTF register. */
async function statement(
  client: TestClient,
  body: Record<string, unknown>,
  send = true,
): Promise<Sent> {
  const created = await client.json<Sent>('POST', '/api/v1/statements', {
    register: 'ofa-dmtf',
    to: ['ofa'],
    ...body,
  });
  expect(created.status).toBe(201);
  if (!send) return created.body;
  const sent = await client.json<Sent>('POST', `/api/v1/statements/${created.body.id}/send`);
  expect(sent.status).toBe(200);
  return sent.body;
}

describe('the statement feed of a register', () => {
  it('holds exactly the public sent and withdrawn statements, newest first, and nothing for the parties only', async () => {
    const dmtf = await TestClient.signIn(api.url, 'admin@dmtf.example');
    const deadline = addDays(utcDate(new Date()), 20);
    const partiesOnly = await statement(dmtf, {
      title: 'For OFA only',
      purpose: 'comment',
      deadline,
    });
    const draft = await statement(
      dmtf,
      { title: 'Public, but a draft', purpose: 'information', visibility: 'public' },
      false,
    );
    const older = await statement(dmtf, {
      title: 'Plugfest announced',
      purpose: 'information',
      visibility: 'public',
    });
    const withdrawn = await statement(dmtf, {
      title: 'Wrong dates',
      purpose: 'information',
      visibility: 'public',
    });
    expect(
      (
        await dmtf.json('POST', `/api/v1/statements/${withdrawn.id}/withdraw`, {
          reason: 'The dates were wrong',
        })
      ).status,
    ).toBe(200);
    const newest = await statement(dmtf, {
      title: 'Fabric <b>model</b> & "comments"',
      purpose: 'comment',
      deadline,
      visibility: 'public',
    });

    const response = await feed('ofa-dmtf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const atom = parseAtom(await response.text());
    const ids = atom.entries?.map((entry) => entry.id) ?? [];
    expect(ids).toEqual([newest, withdrawn, older].map((s) => `urn:uuid:${s.id}`));
    expect(ids).not.toContain(`urn:uuid:${partiesOnly.id}`);
    expect(ids).not.toContain(`urn:uuid:${draft.id}`);
    expect(atom.id).toBe(`${WEB}/feeds/registers/ofa-dmtf/statements.atom`);
    expect(atom.updated).toBe(newest.sentAt);

    const [first, second] = atom.entries!;
    expect(first?.title?.value).toBe('Fabric <b>model</b> & "comments"');
    expect(first?.links).toEqual([
      { rel: 'alternate', type: 'text/html', href: `${WEB}/statements/${newest.id}` },
    ]);
    expect(first?.summary?.value).toBe(
      `For comment from Distributed Management Task Force to OpenFabrics Alliance. Deadline ${deadline}.`,
    );
    expect(first?.categories).toEqual([{ term: 'comment', label: 'For comment' }]);
    expect(first?.authors?.[0]?.name).toBe('Distributed Management Task Force');
    expect(second?.title?.value).toBe('Withdrawn: Wrong dates');
  });

  it('answers 404 for a register that does not exist, and 304 to a reader that is up to date', async () => {
    for (const slug of ['nothing-here', 'NOT..A..SLUG']) {
      const missing = await feed(slug);
      expect(missing.status, slug).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    const fresh = await feed('ofa-dmtf');
    expect(fresh.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = fresh.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await feed('ofa-dmtf', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
  });
});
