import {
  type AuditAction,
  allowRegister,
  editingParty,
  ForbiddenError,
  NotFoundError,
  type RegisterSubject,
  UnprocessableError,
} from '@liaison/core';
import { type PoolClient, type RegisterRecord, touchRegister } from '@liaison/db';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import type { Problem } from './item-rules.js';
import { findReadableRegister, registerSubject } from './register-view.js';

export interface RegisterEdit {
  record: RegisterRecord;
  subject: RegisterSubject;
  /** The party the edit is made for: its admins read the audit event. */
  party: string;
}

/**
 * Opens the register for an edit of its details and locks it, so edits of one register queue up:
 * 401 for anonymous callers, 404 when the caller may not read it, 403 unless an admin of a party.
 */
export async function openRegisterForEdit(
  client: PoolClient,
  context: RequestContext,
  slug: string,
): Promise<RegisterEdit> {
  requireUser(context.actor);
  const record = await findReadableRegister(client, context.actor, slug, { lock: true });
  const subject = registerSubject(record);
  const party = editingParty(context.actor, subject);
  if (!allowRegister(context.actor, 'edit-details', subject) || party === undefined) {
    throw new ForbiddenError(
      "Only admins of the register's parties edit its milestones, commitments and contacts",
    );
  }
  return { record, subject, party };
}

/** Records the edit in the audit trail, in the edit's transaction, and marks the register changed. */
export async function auditRegisterEdit(
  client: PoolClient,
  context: RequestContext,
  edit: { record: RegisterRecord; party: string },
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  await touchRegister(client, edit.record.id);
  await auditAction(client, context, edit.party, {
    action,
    objectType: 'register',
    objectId: edit.record.slug,
    details,
  });
}

/** 422 naming the first problem (an edit through the API carries one item). */
export function rejectProblems(problems: readonly Problem[]): void {
  const [first] = problems;
  if (first)
    throw new UnprocessableError(`${first.path.slice(1)}: ${first.message}`, 'invalid_item');
}

export function notFoundItem(what: string): never {
  throw new NotFoundError(`No such ${what} in this work register`);
}
