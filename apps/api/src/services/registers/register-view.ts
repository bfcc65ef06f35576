import {
  type Actor,
  canManageRegisters,
  canReadRegister,
  ForbiddenError,
  NotFoundError,
  type RegisterPage,
} from '@liaison/core';
import { findRegister, type Pool, type Queryable, type RegisterRecord } from '@liaison/db';
import { listDocuments } from '../documents/list-documents.js';
import type { RequestContext } from '../request-context.js';

/** Documents on the register page; further pages come from GET /documents?register=. */
export const REGISTER_PAGE_DOCUMENTS = 100;

export function registerSubject(record: RegisterRecord) {
  return { state: record.state, parties: record.parties.map((party) => party.organization) };
}

/** The register if the actor may read it; otherwise NotFoundError, exactly as for a missing one. */
export async function findReadableRegister(
  db: Queryable,
  actor: Actor,
  slug: string,
): Promise<RegisterRecord> {
  const record = await findRegister(db, slug);
  if (!record || !canReadRegister(actor, registerSubject(record))) {
    throw new NotFoundError('No such work register');
  }
  return record;
}

export function requireRegisterManagement(actor: Actor): void {
  if (!canManageRegisters(actor)) {
    throw new ForbiddenError('Only the portal operator manages work registers');
  }
}

/** The register page: its terms and parties, and the documents shared under it the caller may read. */
export async function toRegisterPage(
  pool: Pool,
  context: RequestContext,
  record: RegisterRecord,
): Promise<RegisterPage> {
  // The documents list applies the document read rule (in SQL, then the policy), as everywhere.
  const documents = await listDocuments(pool, context, {
    register: record.slug,
    limit: REGISTER_PAGE_DOCUMENTS,
  });
  return {
    slug: record.slug,
    title: record.title,
    version: record.version,
    state: record.state,
    initiatedOn: record.initiatedOn,
    reviewDue: record.reviewDue,
    parties: record.parties,
    summary: record.summary,
    reviewProcess: record.reviewProcess,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    permissions: { manage: canManageRegisters(context.actor) },
    documents,
  };
}
