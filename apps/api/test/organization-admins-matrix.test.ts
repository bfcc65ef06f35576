/**
 * Who an organization's admins are, tried by every actor over HTTP: the ten demo users (three
 * organizations × three roles, and the operator) and an anonymous caller, for every organization.
 * A member of the organization (any role) and the operator get the admins' names and addresses;
 * a member of another organization gets 403 (organizations are public, their admins are not), an
 * anonymous caller 401. The expectation is written here, not taken from the policy.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACTORS, DEMO_ORGANIZATIONS, useApiWithDemoActors } from './demo-actors.js';

const ACTORS = DEMO_ACTORS;

function expectedStatus(email: string | null, organization: string): number {
  if (email === null) return 401;
  if (email === 'operator@liaison.example') return 200;
  return email.endsWith(`@${organization}.example`) ? 200 : 403;
}

const demo = useApiWithDemoActors();
const { as } = demo;

describe('organization admins authorization matrix', () => {
  it.each(DEMO_ORGANIZATIONS)('GET /api/v1/organizations/%s/admins', async (organization) => {
    const problems: string[] = [];
    for (const email of ACTORS) {
      const response = await as(email).json<{
        items?: Array<{ name: string; email: string }>;
        error?: unknown;
      }>('GET', `/api/v1/organizations/${organization}/admins`);
      const expected = expectedStatus(email, organization);
      const who = email ?? 'anonymous';
      if (response.status !== expected)
        problems.push(`${who}: expected ${expected}, got ${response.status}`);
      else if (
        expected === 200 &&
        response.body.items?.[0]?.email !== `admin@${organization}.example`
      )
        problems.push(`${who}: the admins are not listed: ${JSON.stringify(response.body)}`);
      else if (expected !== 200 && (response.body.items !== undefined || !response.body.error))
        problems.push(`${who}: the refusal carries admins or no error`);
    }
    expect(problems).toEqual([]);
  });

  it('lists admins only, enabled ones, and answers 404 for an unknown organization', async () => {
    const operator = as('operator@liaison.example');
    const listed = await operator.json<{ items: Array<{ email: string }> }>(
      'GET',
      '/api/v1/organizations/ofa/admins',
    );
    expect(listed.body.items.map((admin) => admin.email)).toEqual(['admin@ofa.example']);
    await demo.api.pool.query(
      `update users set disabled_at = now() where email = 'admin@ofa.example'`,
    );
    try {
      const after = await operator.json<{ items: unknown[] }>(
        'GET',
        '/api/v1/organizations/ofa/admins',
      );
      expect(after.body.items).toEqual([]);
    } finally {
      await demo.api.pool.query(
        `update users set disabled_at = null where email = 'admin@ofa.example'`,
      );
    }
    expect((await operator.json('GET', '/api/v1/organizations/nope/admins')).status).toBe(404);
  });
});
