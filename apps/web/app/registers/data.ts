import 'server-only';
import type { DocumentSummary, Organization, WorkRegisterSummary } from '@liaison/core';
import { cache } from 'react';
import { adminApi, adminApiAllPages } from '../../lib/admin-api';
import type { ApiError } from '../../lib/api-call';

export interface RegisterPartyDetail {
  organization: string;
  name: string;
  description?: string;
}

/** GET /api/v1/registers/:slug: the summary plus the register's text and shared documents. */
export interface RegisterDetail extends Omit<WorkRegisterSummary, 'parties'> {
  summary?: string;
  reviewProcess?: string;
  parties: RegisterPartyDetail[];
  /** The first page of the documents shared under it (older answers: a plain array). */
  documents?: { items: DocumentSummary[]; nextCursor: string | null } | DocumentSummary[];
  permissions?: { manage?: boolean };
}

export interface FoundRegister extends Omit<RegisterDetail, 'documents'> {
  documents: DocumentSummary[];
}

export type RegisterLookup =
  | {
      kind: 'found';
      register: RegisterDetail & { documents: DocumentSummary[] };
      truncated: boolean;
    }
  | { kind: 'missing' }
  | { kind: 'error'; error: ApiError };

/** A 404 from the API's catch-all: the route itself does not exist (yet). */
function isMissingRoute(error: ApiError): boolean {
  return error.status === 404 && error.message.startsWith('No route for');
}

export const listRegisters = cache(() =>
  adminApi<{ items: WorkRegisterSummary[] }>('/api/v1/registers'),
);

export const listOrganizations = cache(() =>
  adminApi<{ items: Organization[] }>('/api/v1/organizations'),
);

/**
 * One register as the visitor may see it. A register that does not exist and one the visitor
 * may not see (a draft of other parties) are both "missing". Should the API not offer the
 * single-register route, the list and a documents query stand in for it.
 */
export const getRegister = cache(async (slug: string): Promise<RegisterLookup> => {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) return { kind: 'missing' };
  const answer = await adminApi<RegisterDetail>(`/api/v1/registers/${encodeURIComponent(slug)}`);
  let register: RegisterDetail;
  if (answer.ok) {
    register = answer.data;
  } else if (isMissingRoute(answer.error)) {
    const list = await listRegisters();
    if (!list.ok) return { kind: 'error', error: list.error };
    const summary = list.data.items.find((item) => item.slug === slug);
    if (!summary) return { kind: 'missing' };
    register = summary;
  } else if (answer.error.status === 404 || answer.error.status === 403) {
    return { kind: 'missing' };
  } else {
    return { kind: 'error', error: answer.error };
  }

  const { documents: firstPage, ...rest } = register;
  if (Array.isArray(firstPage)) {
    return { kind: 'found', register: { ...rest, documents: firstPage }, truncated: false };
  }
  if (firstPage && Array.isArray(firstPage.items) && !firstPage.nextCursor) {
    return { kind: 'found', register: { ...rest, documents: firstPage.items }, truncated: false };
  }
  // No documents in the answer, or more pages of them: list them all.
  const documents = await adminApiAllPages<DocumentSummary>('/api/v1/documents', {
    register: slug,
  });
  if (!documents.ok) return { kind: 'error', error: documents.error };
  return {
    kind: 'found',
    register: { ...rest, documents: documents.items },
    truncated: documents.truncated,
  };
});
