// The review routes of the portal (the log export, the comment upload proxy) against a real HTTP
// server standing in for the API.
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { answerJson, params, startFakeApi, streamedUpload } from './fake-api';

vi.mock('../lib/session', () => ({ getAccessToken: async () => 'session-token' }));

const { GET } = await import('../app/reviews/[id]/log/route');
const { POST } = await import('../app/api/reviews/[id]/comments/route');

const REVIEW = '122967c0-bbbe-4449-b6f9-d987cc7ba8e7';
const HIDDEN = '33333333-3333-4333-8333-333333333333';
const CSV = 'number,organization,disposition\r\n1,OpenFabrics Alliance,accepted\r\n';

const api = startFakeApi({
  answer(req, res, { bytes }) {
    if (req.method === 'POST') return answerJson(res, 201, { number: 3, bytes });
    if (req.url?.includes(HIDDEN)) {
      return answerJson(res, 404, { error: { code: 'not_found', message: 'No such review' } });
    }
    if (req.url?.includes('format=csv')) {
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      return res.end(CSV);
    }
    return answerJson(res, 200, { counts: { total: 1, resolved: 1 } });
  },
});

const get = (id: string, query: string) =>
  GET(new NextRequest(`http://portal.example/reviews/${id}/log?${query}`), params({ id }));

describe('resolution log export route', () => {
  it('streams the CSV as a download, with the known filters and the session token', async () => {
    api.forget();
    const response = await get(REVIEW, 'format=csv&kind=technical&disposition=bogus&extra=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="resolution-log-${REVIEW}.csv"`,
    );
    expect(await response.text()).toBe(CSV);
    const [seen] = api.received;
    expect(seen?.url).toBe(`/api/v1/reviews/${REVIEW}/log?format=csv&kind=technical`);
    expect(seen?.headers.authorization).toBe('Bearer session-token');
  });

  it('gives JSON when asked', async () => {
    const response = await get(REVIEW, 'format=json');
    expect(response.headers.get('content-disposition')).toContain('.json"');
    expect(await response.json()).toEqual({ counts: { total: 1, resolved: 1 } });
  });

  it('answers 404 for a log the API hides, and for an id that is no UUID without asking it', async () => {
    expect((await get(HIDDEN, 'format=csv')).status).toBe(404);
    api.forget();
    expect((await get('not-a-uuid', 'format=csv')).status).toBe(404);
    expect(api.received).toHaveLength(0);
  });
});

describe('comment upload proxy route', () => {
  const FILE = Buffer.alloc(200 * 1024 + 3, 'c');
  const fields = { versionId: REVIEW, kind: 'technical', body: 'Zones need groups.' };

  it('streams the fields and the file to the review’s comments with the session token', async () => {
    api.forget();
    const { request, length } = streamedUpload(
      `http://portal.example/api/reviews/${REVIEW}/comments`,
      fields,
      FILE,
    );
    const response = await POST(request, params({ id: REVIEW }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ number: 3, bytes: length });
    const [seen] = api.received;
    expect(seen?.url).toBe(`/api/v1/reviews/${REVIEW}/comments`);
    expect(seen?.headers.authorization).toBe('Bearer session-token');
    expect(seen?.headers.cookie).toBeUndefined();
  });

  it('answers 404 for an id that is no UUID without asking the API', async () => {
    api.forget();
    const { request } = streamedUpload(
      'http://portal.example/api/reviews/x/comments',
      fields,
      FILE,
    );
    const response = await POST(request, params({ id: '../../documents' }));
    expect(response.status).toBe(404);
    expect(api.received).toHaveLength(0);
  });
});
