// The resolution-log export route against a real HTTP server standing in for the API.
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { answerJson, params, startFakeApi } from './fake-api';

vi.mock('../lib/session', () => ({ getAccessToken: async () => 'session-token' }));

const { GET } = await import('../app/reviews/[id]/log/route');

const REVIEW = '122967c0-bbbe-4449-b6f9-d987cc7ba8e7';
const HIDDEN = '33333333-3333-4333-8333-333333333333';
const CSV = 'number,organization,disposition\r\n1,OpenFabrics Alliance,accepted\r\n';

const api = startFakeApi({
  answer(req, res) {
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
