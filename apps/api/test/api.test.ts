import { describe, expect, it } from 'vitest';
import { useApi } from './signed-in-api.js';

const started = useApi();

describe('the API over HTTP', () => {
  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${started.api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when PostgreSQL and the bucket are reachable', async () => {
    const response = await fetch(`${started.api.url}/readyz`);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, storage: { ok: true } },
    });
    expect(response.status).toBe(200);
  });

  it('lists the demo organizations', async () => {
    const response = await fetch(`${started.api.url}/api/v1/organizations`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { slug: string; name: string }[] };
    expect(body.items.map((o) => [o.slug, o.name])).toEqual([
      ['dmtf', 'Distributed Management Task Force'],
      ['ofa', 'OpenFabrics Alliance'],
      ['snia', 'Storage Networking Industry Association'],
    ]);
  });

  it('shows anonymous callers the approved register only', async () => {
    const response = await fetch(`${started.api.url}/api/v1/registers`);
    const body = (await response.json()) as { items: { slug: string; parties: unknown[] }[] };
    expect(body.items.map((r) => r.slug)).toEqual(['ofa-dmtf']);
    expect(body.items[0]?.parties).toEqual([
      { organization: 'ofa', name: 'OpenFabrics Alliance' },
      { organization: 'dmtf', name: 'Distributed Management Task Force' },
    ]);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await fetch(`${started.api.url}/api/v1/nothing-here?x=1`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/v1/nothing-here' },
    });
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const response = await fetch(`${started.api.url}/api/v1/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    // No POST route exists yet, so the router's 404 comes first; either way the body is our JSON shape.
    const body = (await response.json()) as { error: { code: string } };
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(typeof body.error.code).toBe('string');
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const response = await fetch(`${started.api.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/api/v1/organizations', '/api/v1/registers']),
    );
    expect(JSON.stringify(document.paths['/api/v1/registers'])).toContain('initiatedOn');
  });

  it('serves the browsable API documentation', async () => {
    const response = await fetch(`${started.api.url}/api/docs`, { redirect: 'follow' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });
});
