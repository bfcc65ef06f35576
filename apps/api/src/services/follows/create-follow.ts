import { canFollow, type Follow, type FollowBody, NotFoundError } from '@liaison/core';
import {
  type FollowTarget,
  findFollow,
  findOrganization,
  insertFollow,
  type Pool,
} from '@liaison/db';
import { findReadableDocument, subjectOf } from '../documents/document-view.js';
import { findReadableRegister, registerSubject } from '../registers/register-view.js';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { toFollow } from './follow-view.js';

/**
 * The target, if the caller may follow it: what they cannot read answers 404 exactly as what
 * does not exist.
 */
async function followableTarget(
  pool: Pool,
  context: RequestContext,
  body: FollowBody,
): Promise<FollowTarget> {
  const { actor } = context;
  switch (body.kind) {
    case 'document': {
      const record = await findReadableDocument(pool, actor, body.document);
      if (!canFollow(actor, { kind: 'document', document: subjectOf(record) })) {
        throw new NotFoundError('No such document');
      }
      return { kind: 'document', documentId: record.id };
    }
    case 'register': {
      const record = await findReadableRegister(pool, actor, body.register);
      if (!canFollow(actor, { kind: 'register', register: registerSubject(record) })) {
        throw new NotFoundError('No such work register');
      }
      return { kind: 'register', slug: record.slug };
    }
    case 'organization': {
      if (!(await findOrganization(pool, body.organization))) {
        throw new NotFoundError('No such organization');
      }
      return { kind: 'organization', slug: body.organization };
    }
  }
}

/** Follows a document, a register or an organization's releases; following twice is one follow. */
export async function createFollow(
  pool: Pool,
  context: RequestContext,
  body: FollowBody,
): Promise<Follow> {
  const { userId } = requireUser(context.actor);
  const target = await followableTarget(pool, context, body);
  const id = await insertFollow(pool, userId, target);
  const record = id === undefined ? undefined : await findFollow(pool, id);
  // Deleted between the check and the insert.
  if (!record) throw new NotFoundError(`No such ${body.kind}`);
  return toFollow(record, context.actor);
}
