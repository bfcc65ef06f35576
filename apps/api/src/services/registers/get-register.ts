import type { RegisterPage } from '@liaison/core';
import type { Pool } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { findReadableRegister, toRegisterPage } from './register-view.js';

/** Approved registers are public; drafts are shown to members of their parties only (else 404). */
export async function getRegister(
  pool: Pool,
  context: RequestContext,
  slug: string,
): Promise<RegisterPage> {
  const record = await findReadableRegister(pool, context.actor, slug);
  return toRegisterPage(pool, context, record);
}
