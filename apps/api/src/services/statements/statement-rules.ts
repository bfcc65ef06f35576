import {
  type Actor,
  allowStatement,
  type DeadlineRefusal,
  deadlineRefusal,
  InvalidInputError,
  type StatementPurpose,
  type StatementRefusal,
  statementAddressRefusal,
  UnprocessableError,
  utcDate,
} from '@liaison/core';
import { findStatements, type Queryable, type RegisterRecord } from '@liaison/db';
import { subjectOf } from './statement-view.js';

const ADDRESS_MESSAGES: Record<StatementRefusal, string> = {
  register_not_approved: 'The register is a draft: statements start once it is approved',
  not_a_party: 'The sender and every receiver must be parties of the register',
  statement_to_self: 'A statement goes to other parties, not to its own sender',
};

const DEADLINE_MESSAGES: Record<DeadlineRefusal, string> = {
  deadline_required: 'A statement for comment or for action needs a deadline',
  deadline_not_allowed: 'A statement for information takes no deadline',
  deadline_invalid: 'The deadline is not a real date (YYYY-MM-DD)',
  deadline_passed: 'The deadline has passed: choose today or a later date',
};

export function statementAddressError(refusal: StatementRefusal): UnprocessableError {
  return new UnprocessableError(ADDRESS_MESSAGES[refusal], refusal);
}

/** The sender and receivers fit the register (approved, all parties, not to itself). */
export function requireStatementAddress(
  statement: { from: string; to: readonly string[] },
  register: Pick<RegisterRecord, 'state' | 'parties'>,
) {
  const refusal = statementAddressRefusal(statement, {
    state: register.state,
    parties: register.parties.map((party) => party.organization),
  });
  if (refusal) throw statementAddressError(refusal);
}

/** The deadline fits the purpose and is not in the past (UTC days). */
export function requireStatementDeadline(
  purpose: StatementPurpose,
  deadline: string | null,
  now: Date,
) {
  const refusal = deadlineRefusal(purpose, deadline, utcDate(now));
  if (refusal) throw new UnprocessableError(DEADLINE_MESSAGES[refusal], refusal);
}

/**
 * Every statement referred to exists, is sent (or withdrawn), belongs to the same register and is
 * readable by the actor; a response refers to at least one. A reference that fails any of these
 * is refused the same way, so the refusal tells nothing about statements the actor cannot read.
 */
export async function requireStatementReferences(
  db: Queryable,
  actor: Actor,
  statement: { registerId: string; purpose: StatementPurpose; refersTo: readonly string[] },
) {
  if (statement.purpose === 'response' && statement.refersTo.length === 0) {
    throw new UnprocessableError(
      'A response refers to the statement(s) it answers: send refersTo',
      'refers_to_required',
    );
  }
  const found = new Map(
    (await findStatements(db, statement.refersTo)).map((record) => [record.id, record]),
  );
  for (const id of statement.refersTo) {
    const record = found.get(id);
    if (
      !record ||
      record.state === 'draft' ||
      record.registerId !== statement.registerId ||
      !allowStatement(actor, 'read', subjectOf(record))
    ) {
      throw new UnprocessableError(
        `There is no sent statement ${id} under this register that you may read`,
        'unknown_statement',
      );
    }
  }
}

/** Titles and reasons arrive padded from forms: what is left after trimming must not be empty. */
export function requireText(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new InvalidInputError(`The ${field} is empty`, 'invalid_input');
  return trimmed;
}
