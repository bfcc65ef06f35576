import { type IprPolicy, NotFoundError } from '@liaison/core';
import { findIprPolicy, type Pool } from '@liaison/db';
import { iprPolicySha256 } from './ipr-acknowledgement.js';

/** An organization's IPR policy for submissions it receives: public, like the policy itself. */
export async function getIprPolicy(pool: Pool, slug: string): Promise<IprPolicy> {
  const policy = await findIprPolicy(pool, slug);
  if (!policy) throw new NotFoundError('No such organization');
  return { ...policy, sha256: iprPolicySha256(policy.text) };
}
