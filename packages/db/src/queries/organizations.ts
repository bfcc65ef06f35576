import type { Organization } from '@liaison/core';
import type { Pool } from '../pool.js';

export async function listOrganizations(pool: Pool): Promise<Organization[]> {
  const result = await pool.query<Organization>(
    'select slug, name, description from organizations order by name',
  );
  return result.rows;
}
