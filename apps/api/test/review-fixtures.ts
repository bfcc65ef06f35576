/** What the review tests share: a reviewed document, opening reviews, posting comments. */
import { expect } from 'vitest';
import type { TestClient } from './client.js';
import { createDocumentWithVersion } from './factories.js';
import { type Answer, type FormPart, postMultipart, sendJson } from './raw-requests.js';
import { fieldsOf } from './submission-fixtures.js';

export interface ReviewBody {
  id: string;
  document: { id: string; organization: string; identifier: string; title: string };
  version: { id: string; label: string };
  title: string;
  note: string;
  closesOn: string;
  state: 'open' | 'closed';
  closedAt: string | null;
  requiresIprAcknowledgement: boolean;
  logPublishedAt: string | null;
  counts: { comments: number; resolved: number };
  permissions: Record<string, boolean>;
}

export interface CommentBody {
  id: string;
  review: string;
  number: number;
  version: { id: string; label: string };
  location: string;
  kind: string;
  body: string;
  proposedChange: string;
  attachment: { filename: string; size: number; mediaType: string; sha256: string } | null;
  author: string | null;
  organization: { slug: string; name: string } | null;
  withdrawn: boolean;
  disposition: {
    value: string;
    response: string;
    resolvedIn: { id: string; label: string } | null;
    duplicateOf: string | null;
    by: string | null;
  } | null;
  permissions: { edit: boolean; dispose: boolean };
}

const DAY_MS = 86_400_000;

/** A UTC date `days` from today, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/** A DMTF work-in-progress document shared with the OFA (register ofa-dmtf), with one version. */
export function sharedDocument(dmtfEditor: TestClient) {
  return createDocumentWithVersion(dmtfEditor, {
    organization: 'dmtf',
    visibility: 'partners',
    registers: ['ofa-dmtf'],
  });
}

export async function openReview(
  client: TestClient,
  documentId: string,
  body: Record<string, unknown>,
): Promise<Answer<ReviewBody>> {
  return sendJson(client, 'POST', `/api/v1/documents/${documentId}/reviews`, body);
}

/** Opens a review as `client` (an editor of the owner), closing in 30 days. Expects 201. */
export async function openedReview(
  client: TestClient,
  document: { id: string; versionId: string },
  overrides: Record<string, unknown> = {},
): Promise<ReviewBody> {
  const answer = await openReview(client, document.id, {
    versionId: document.versionId,
    title: 'Call for comments',
    closesOn: daysFromToday(30),
    ...overrides,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** The text fields of a valid comment on `versionId`. */
export function commentFields(
  versionId: string,
  overrides: Record<string, string | undefined> = {},
): FormPart[] {
  return fieldsOf({
    versionId,
    location: 'Section 4.2',
    kind: 'technical',
    body: 'The fabric zone model needs an endpoint group.',
    proposedChange: 'Add EndpointGroup to Zone.',
    ...overrides,
  });
}

export async function postComment(
  client: TestClient,
  reviewId: string,
  parts: FormPart[],
): Promise<Answer<CommentBody>> {
  return postMultipart(client, `/api/v1/reviews/${reviewId}/comments`, parts);
}

/** Comments as `client` with valid fields (and `overrides`). Expects 201. */
export async function commented(
  client: TestClient,
  review: { id: string; version: { id: string } },
  overrides: Record<string, string | undefined> = {},
  files: FormPart[] = [],
): Promise<CommentBody> {
  const answer = await postComment(client, review.id, [
    ...commentFields(review.version.id, overrides),
    ...files,
  ]);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

export async function dispose(
  client: TestClient,
  commentId: string,
  body: Record<string, unknown>,
): Promise<Answer<CommentBody>> {
  return sendJson(client, 'PUT', `/api/v1/comments/${commentId}/disposition`, body);
}
