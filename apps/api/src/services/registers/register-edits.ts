import {
  type AuditAction,
  allowRegister,
  editingParty,
  ForbiddenError,
  NotFoundError,
  type RegisterSubject,
  UnprocessableError,
} from '@liaison/core';
import {
  type Pool,
  type PoolClient,
  type RegisterEventKind,
  type RegisterRecord,
  recordRegisterEvent,
  touchRegister,
  withTransaction,
} from '@liaison/db';
import { registerMails } from '../notifications/register-mails.js';
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

/** One change of a register's item, as its history shows it. */
export interface RegisterChange {
  kind: RegisterEventKind;
  itemId: string | null;
  /** Null when the item is added. */
  before: unknown;
  /** Null when the item is removed. */
  after: unknown;
}

/**
 * The register a signed-in caller means to change, locked so that changes of one register queue
 * up: 401 for anonymous callers, 404 when the caller may not read it.
 */
export async function lockRegisterToChange(
  client: PoolClient,
  context: RequestContext,
  slug: string,
): Promise<Omit<RegisterEdit, 'party'>> {
  requireUser(context.actor);
  const record = await findReadableRegister(client, context.actor, slug, { lock: true });
  return { record, subject: registerSubject(record) };
}

/**
 * Opens the register for an edit of its details and locks it (`lockRegisterToChange`): 403 unless
 * an admin of a party.
 */
async function openRegisterForEdit(
  client: PoolClient,
  context: RequestContext,
  slug: string,
): Promise<RegisterEdit> {
  const { record, subject } = await lockRegisterToChange(client, context, slug);
  const party = editingParty(context.actor, subject);
  if (!allowRegister(context.actor, 'edit-details', subject) || party === undefined) {
    throw new ForbiddenError(
      "Only admins of the register's parties edit its milestones, commitments and contacts",
    );
  }
  return { record, subject, party };
}

/** Runs `edit` in one transaction on the register opened for it by `openRegisterForEdit`. */
export async function withRegisterEdit<T>(
  pool: Pool,
  context: RequestContext,
  slug: string,
  edit: (client: PoolClient, opened: RegisterEdit) => Promise<T>,
): Promise<T> {
  return withTransaction(pool, async (client) =>
    edit(client, await openRegisterForEdit(client, context, slug)),
  );
}

/**
 * The edit of an item that belongs to `itemParty` (a contact, a commitment): 403 unless the caller
 * is an admin of that party, since each party edits only its own. Call it for the item as it was
 * and as it will be, so nobody moves an item to or from another party.
 */
export function requirePartyItem(
  context: RequestContext,
  edit: RegisterEdit,
  itemParty: string,
): RegisterEdit {
  const party = editingParty(context.actor, edit.subject, itemParty);
  if (party === undefined) {
    throw new ForbiddenError(`Only admins of ${itemParty} edit its contacts and commitments`);
  }
  return { ...edit, party };
}

/** The audit details of a change, as the audit log has always shown them. */
function auditDetails(change: RegisterChange): Record<string, unknown> {
  if (change.kind !== 'approval' && change.before === null) return { [change.kind]: change.after };
  if (change.kind !== 'approval' && change.after === null) return { [change.kind]: change.before };
  return {
    ...(change.itemId === null ? {} : { [`${change.kind}Id`]: change.itemId }),
    from: change.before,
    to: change.after,
  };
}

/**
 * Records the edit, in the edit's transaction: in the audit trail (for the editing party), in the
 * register's history (before → after), and, for a joint item, in a mail to the other parties'
 * admins. Marks the register changed.
 */
export async function recordRegisterEdit(
  client: PoolClient,
  context: RequestContext,
  edit: RegisterEdit,
  action: AuditAction,
  change: RegisterChange,
): Promise<void> {
  await touchRegister(client, edit.record.id);
  await auditAction(client, context, edit.party, {
    action,
    objectType: 'register',
    objectId: edit.record.slug,
    details: auditDetails(change),
  });
  await recordRegisterEvent(client, {
    registerId: edit.record.id,
    actorId: context.actor.userId,
    onBehalfOf: edit.party,
    action,
    itemKind: change.kind,
    itemId: change.itemId,
    before: change.before,
    after: change.after,
  });
  if (change.kind === 'milestone') {
    await registerMails.jointItemChanged(client, { edit, actor: context.actor, change });
  }
}

/** The items of a register that its parties' admins add, change and remove one by one. */
export type RegisterItemKind = 'milestone' | 'commitment' | 'contact';

/** Records an item added to the register, as `recordRegisterEdit` does. */
export async function recordItemAdded(
  client: PoolClient,
  context: RequestContext,
  edit: RegisterEdit,
  kind: RegisterItemKind,
  added: { id: string },
): Promise<void> {
  await recordRegisterEdit(client, context, edit, `register.${kind}.add`, {
    kind,
    itemId: added.id,
    before: null,
    after: added,
  });
}

/** Records a change of one of the register's items, as `recordRegisterEdit` does. */
export async function recordItemEdited(
  client: PoolClient,
  context: RequestContext,
  edit: RegisterEdit,
  kind: RegisterItemKind,
  change: { before: { id: string }; after: unknown },
): Promise<void> {
  await recordRegisterEdit(client, context, edit, `register.${kind}.edit`, {
    kind,
    itemId: change.before.id,
    ...change,
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
