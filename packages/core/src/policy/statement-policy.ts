/**
 * The permission policy for liaison statements (docs/architecture.md, "Statements"). Pure and deny
 * by default.
 *
 * - A draft belongs to the sending organization: its editors and admins read, edit and discard it;
 *   nobody else knows it exists (not the receivers, not the operator).
 * - Sending is the approval step: only an admin of the sending organization sends.
 * - A sent (or withdrawn) statement is readable by every member of the sending and receiving
 *   organizations when its visibility is `parties`, and by anyone when it is `public`. A third
 *   party of the same register reads a `parties` statement no more than a stranger does.
 * - Admins of the sending organization withdraw a sent statement; admins of a receiving
 *   organization mark an owed one answered; editors and admins of a receiving organization reply.
 *
 * The list query in packages/db (queries/statements.ts) mirrors `read` as SQL; the statement
 * authorization matrix test keeps the two in step.
 */
import type { RegisterState } from '../domain.js';
import {
  expectsAnswer,
  type StatementPermissions,
  type StatementPurpose,
  type StatementState,
  type StatementVisibility,
} from '../statement-schemas.js';
import { type Actor, hasRole, organizationsOf } from './actor.js';

/** What the policy needs to know about a statement. */
export interface StatementSubject {
  /** Sending organization slug. */
  from: string;
  /** Receiving organization slugs. */
  to: readonly string[];
  state: StatementState;
  visibility: StatementVisibility;
}

export const STATEMENT_ACTIONS = [
  'read',
  'edit',
  'send',
  'withdraw',
  'mark-answered',
  'reply',
] as const;
export type StatementAction = (typeof STATEMENT_ACTIONS)[number];

function isSendingWriter(actor: Actor, statement: StatementSubject): boolean {
  return hasRole(actor, statement.from, 'editor');
}

function isPartyMember(actor: Actor, statement: StatementSubject): boolean {
  return (
    hasRole(actor, statement.from, 'member') ||
    statement.to.some((organization) => hasRole(actor, organization, 'member'))
  );
}

/** Who may do `action` on the statement as its audience and roles go (the state machine aside). */
export function allowStatement(
  actor: Actor,
  action: StatementAction,
  statement: StatementSubject,
): boolean {
  if (action === 'read') {
    if (statement.state === 'draft') return isSendingWriter(actor, statement);
    return statement.visibility === 'public' || isPartyMember(actor, statement);
  }
  if (actor.userId === null) return false;
  switch (action) {
    case 'edit':
      return isSendingWriter(actor, statement);
    case 'send':
    case 'withdraw':
      return hasRole(actor, statement.from, 'admin');
    case 'mark-answered':
      return statement.to.some((organization) => hasRole(actor, organization, 'admin'));
    case 'reply':
      return repliesFor(actor, statement).length > 0;
    default:
      return false;
  }
}

/** The receiving organizations the actor may write a response for (editors and admins). */
export function repliesFor(actor: Actor, statement: Pick<StatementSubject, 'to'>): string[] {
  return statement.to.filter((organization) => hasRole(actor, organization, 'editor'));
}

/** The organizations the actor may write statements for: editors and admins. */
export function statementWritingOrganizations(actor: Actor): string[] {
  return organizationsOf(actor).filter((organization) => hasRole(actor, organization, 'editor'));
}

/** The organizations whose drafts the actor approves (sends): admins. */
export function statementApprovingOrganizations(actor: Actor): string[] {
  return organizationsOf(actor).filter((organization) => hasRole(actor, organization, 'admin'));
}

export type StatementRefusal = 'register_not_approved' | 'not_a_party' | 'statement_to_self';

/**
 * Whether the sender and receivers fit the register: an approved register (a draft register is not
 * yet an agreement in force), the sender and every receiver its parties, the sender not among the
 * receivers. Null when they fit. Whether the actor may write for `from` is `canWriteStatementFor`.
 */
export function statementAddressRefusal(
  statement: { from: string; to: readonly string[] },
  register: { state: RegisterState; parties: readonly string[] },
): StatementRefusal | null {
  if (register.state !== 'approved') return 'register_not_approved';
  if (statement.to.includes(statement.from)) return 'statement_to_self';
  const parties = [statement.from, ...statement.to];
  if (!parties.every((party) => register.parties.includes(party))) return 'not_a_party';
  return null;
}

export function canWriteStatementFor(actor: Actor, organization: string): boolean {
  return hasRole(actor, organization, 'editor');
}

/** A sent comment/action statement that nobody has marked answered yet. */
export function isStatementOwed(statement: {
  state: StatementState;
  purpose: StatementPurpose;
  answered: boolean;
}): boolean {
  return statement.state === 'sent' && expectsAnswer(statement.purpose) && !statement.answered;
}

/**
 * What the caller may do now, returned with every statement so clients never re-derive it: the
 * role rule and the state machine together.
 */
export function statementPermissions(
  actor: Actor,
  statement: StatementSubject & { purpose: StatementPurpose; answered: boolean },
): StatementPermissions {
  const can = (action: StatementAction) => allowStatement(actor, action, statement);
  const draft = statement.state === 'draft';
  return {
    edit: draft && can('edit'),
    send: draft && can('send'),
    withdraw: statement.state === 'sent' && can('withdraw'),
    markAnswered: isStatementOwed(statement) && can('mark-answered'),
    reply: statement.state === 'sent' && can('reply'),
  };
}
