/**
 * The operator-only routes of the portal's machinery, tried by every actor over HTTP: the ten
 * demo users (three organizations × three roles, and the operator) and an anonymous caller. Only
 * the operator gets 200; a signed-in caller gets 403 (the routes hide nothing that exists per
 * caller), an anonymous one 401. The expectation is written here, not taken from the policy.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACTORS, useApiWithDemoActors } from './demo-actors.js';

const ACTORS = DEMO_ACTORS;

const ROUTES = ['/api/v1/admin/jobs?state=failed', '/api/v1/admin/jobs?state=pending'];

function expectedStatus(email: string | null): number {
  if (email === null) return 401;
  return email === 'operator@liaison.example' ? 200 : 403;
}

const { as } = useApiWithDemoActors();

describe('operator routes authorization matrix', () => {
  it('covers the ten demo users and an anonymous caller', () => {
    expect(ACTORS).toHaveLength(11);
  });

  it.each(ROUTES)('GET %s', async (path) => {
    const problems: string[] = [];
    for (const email of ACTORS) {
      const response = await as(email).json<{ items?: unknown[]; error?: unknown }>('GET', path);
      const expected = expectedStatus(email);
      const who = email ?? 'anonymous';
      if (response.status !== expected)
        problems.push(`${who}: expected ${expected}, got ${response.status}`);
      else if (expected === 200 && !Array.isArray(response.body.items))
        problems.push(`${who}: no items in the answer`);
      else if (expected !== 200 && (response.body.items !== undefined || !response.body.error))
        problems.push(`${who}: the refusal carries jobs or no error`);
    }
    expect(problems).toEqual([]);
  });
});
