import { isSlug } from '@liaison/core';
import 'server-only';
import type { DocumentSummary, RegisterPage } from '@liaison/core';
import { cache } from 'react';
import { type ApiError, fromApi, fromApiAllPages } from '../../lib/api';

/** GET /api/v1/registers/:slug, with every document shared under it the visitor may read. */
export type FoundRegister = Omit<RegisterPage, 'documents'> & { documents: DocumentSummary[] };

export type RegisterLookup =
  | { kind: 'found'; register: FoundRegister; truncated: boolean }
  | { kind: 'missing' }
  | { kind: 'error'; error: ApiError };

/** GET /api/v1/registers/:slug/history: for those the register's `permissions.readHistory` allows. */
export const getRegisterHistory = cache((slug: string) =>
  fromApi((client) => client.getRegisterHistory(slug)),
);

export const listRegisters = cache(() => fromApi((client) => client.listRegisters()));

export const listOrganizations = cache(() => fromApi((client) => client.listOrganizations()));

/**
 * One register as the visitor may see it. A register that does not exist and one the visitor
 * may not see (a draft of other parties) are both "missing".
 */
export const getRegister = cache(async (slug: string): Promise<RegisterLookup> => {
  if (!isSlug(slug)) return { kind: 'missing' };
  const answer = await fromApi((client) => client.getRegister(slug));
  if (!answer.ok) {
    if (answer.error.status === 404 || answer.error.status === 403) return { kind: 'missing' };
    return { kind: 'error', error: answer.error };
  }
  const { documents: firstPage, ...register } = answer.data;
  if (!firstPage.nextCursor) {
    return {
      kind: 'found',
      register: { ...register, documents: firstPage.items },
      truncated: false,
    };
  }
  // More documents than the page carries: list them all.
  const documents = await fromApiAllPages((client, page) =>
    client.listDocuments({ register: slug, ...page }),
  );
  if (!documents.ok) return { kind: 'error', error: documents.error };
  return {
    kind: 'found',
    register: { ...register, documents: documents.data.items },
    truncated: documents.data.truncated,
  };
});
