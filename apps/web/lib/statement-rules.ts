// Liaison statements as people read and write them: labels, deadlines in days, the draft form's
// fields and the reply's prefill. Pure, and safe in client components; the API decides.

import {
  CONTACT_NAME_MAX_LENGTH,
  type CreateStatementBody,
  daysLeft,
  deadlineRefusal,
  EMAIL_PATTERN,
  expectsAnswer,
  STATEMENT_BODY_MAX_LENGTH,
  STATEMENT_MAX_CONTACTS,
  STATEMENT_MAX_REFERS_TO,
  STATEMENT_PURPOSES,
  STATEMENT_REFERENCE_MAX_LENGTH,
  STATEMENT_VISIBILITIES,
  type Statement,
  type StatementContact,
  type StatementPurpose,
  type StatementSummary,
  type StatementVisibility,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
import type { BadgeTone } from './format';
import { isUuid } from './proxy';

export const PURPOSE_LABELS: Record<StatementPurpose, string> = {
  information: 'For information',
  comment: 'For comment',
  action: 'For action',
  response: 'Response',
};

export const PURPOSE_DESCRIPTIONS: Record<StatementPurpose, string> = {
  information: 'Tells the receivers something; no answer expected, no deadline.',
  comment: 'Asks the receivers for their comments by a deadline.',
  action: 'Asks the receivers to do something by a deadline.',
  response: 'Answers earlier statements; it marks those it refers to answered once sent.',
};

export const STATEMENT_VISIBILITY_LABELS: Record<StatementVisibility, string> = {
  parties: 'Parties only: members of the sending and receiving organizations',
  public: 'Public: anyone, also in the register’s feed',
};

export interface DeadlineNote {
  /** "3 days left", "due today", "5 days overdue". */
  text: string;
  overdue: boolean;
}

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

/** How a deadline stands today (UTC days, as the API counts them); null without one. */
export function deadlineNote(deadline: string | null, today: string): DeadlineNote | null {
  const left = daysLeft(deadline, today);
  if (left === null) return null;
  if (left === 0) return { text: 'due today', overdue: false };
  return left > 0
    ? { text: `${days(left)} left`, overdue: false }
    : { text: `${days(-left)} overdue`, overdue: true };
}

export interface Standing {
  label: string;
  tone: BadgeTone;
}

/** Where a statement stands for the people tracking answers: owed, overdue, answered… */
export function standingOf(
  statement: Pick<StatementSummary, 'state' | 'owed' | 'answer' | 'deadline' | 'purpose'>,
  today: string,
): Standing {
  if (statement.state === 'draft') return { label: 'Draft', tone: 'private' };
  if (statement.state === 'withdrawn') return { label: 'Withdrawn', tone: 'neutral' };
  if (statement.owed) {
    return deadlineNote(statement.deadline, today)?.overdue
      ? { label: 'Overdue', tone: 'warning' }
      : { label: 'Answer owed', tone: 'info' };
  }
  if (statement.answer) return { label: 'Answered', tone: 'success' };
  return { label: 'Sent', tone: expectsAnswer(statement.purpose) ? 'success' : 'neutral' };
}

/** Soonest deadline first; statements without one last, newest sent first among equals. */
export function bySoonestDeadline(
  a: Pick<StatementSummary, 'deadline' | 'sentAt'>,
  b: Pick<StatementSummary, 'deadline' | 'sentAt'>,
): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return (b.sentAt ?? '').localeCompare(a.sentAt ?? '');
}

const EMAIL = new RegExp(EMAIL_PATTERN);
const NAMED_ADDRESS = /^(.*?)\s*<([^<>]+)>$/;

/** One contact a line, "Name <address>" or a bare address (then the address is the name too). */
export function parseContacts(
  text: string,
): { ok: true; contacts: StatementContact[] } | { ok: false; error: string } {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > STATEMENT_MAX_CONTACTS) {
    return { ok: false, error: `At most ${STATEMENT_MAX_CONTACTS} contacts.` };
  }
  const contacts: StatementContact[] = [];
  for (const line of lines) {
    const named = NAMED_ADDRESS.exec(line);
    const email = (named ? named[2]! : line).trim();
    const name = (named?.[1] || email).trim();
    if (!EMAIL.test(email)) {
      return { ok: false, error: `“${line}” is not “Name <address>” nor an e-mail address.` };
    }
    if (name.length > CONTACT_NAME_MAX_LENGTH) {
      return { ok: false, error: `A name is at most ${CONTACT_NAME_MAX_LENGTH} characters.` };
    }
    contacts.push({ name, email });
  }
  return { ok: true, contacts };
}

export function formatContacts(contacts: readonly StatementContact[]): string {
  return contacts
    .map(({ name, email }) => (name === email ? email : `${name} <${email}>`))
    .join('\n');
}

/** What the draft form holds, as text fields. */
export interface StatementFormValues {
  from: string;
  to: string[];
  purpose: StatementPurpose;
  deadline: string;
  title: string;
  body: string;
  senderReference: string;
  receiverReference: string;
  responseContacts: string;
  technicalContacts: string;
  /** Statement ids, one per line or comma separated. */
  refersTo: string;
  visibility: StatementVisibility;
}

export const EMPTY_STATEMENT_FORM: StatementFormValues = {
  from: '',
  to: [],
  purpose: 'information',
  deadline: '',
  title: '',
  body: '',
  senderReference: '',
  receiverReference: '',
  responseContacts: '',
  technicalContacts: '',
  refersTo: '',
  visibility: 'parties',
};

/** The form as an existing draft fills it (editing). */
export function formValuesOf(statement: Statement): StatementFormValues {
  return {
    from: statement.from.slug,
    to: statement.to.map((party) => party.slug),
    purpose: statement.purpose,
    deadline: statement.deadline ?? '',
    title: statement.title,
    body: statement.body,
    senderReference: statement.senderReference ?? '',
    receiverReference: statement.receiverReference ?? '',
    responseContacts: formatContacts(statement.responseContacts),
    technicalContacts: formatContacts(statement.technicalContacts),
    refersTo: statement.refersTo.map((link) => link.id).join('\n'),
    visibility: statement.visibility,
  };
}

/**
 * "Reply" on a received statement: from the receiving organization the person writes for, to the
 * sender, a response referring to it, quoting their reference number, and addressed to the
 * people the original named to answer to.
 */
export function replyValues(
  original: Statement,
  writableFor: readonly string[],
): StatementFormValues {
  const from = original.to.find((party) => writableFor.includes(party.slug))?.slug ?? '';
  const title = `Re: ${original.title}`;
  const attention = formatContacts(original.responseContacts).split('\n').filter(Boolean);
  return {
    ...EMPTY_STATEMENT_FORM,
    from,
    to: [original.from.slug],
    purpose: 'response',
    title: title.length > TITLE_MAX_LENGTH ? original.title : title,
    body: attention.length > 0 ? `Attention: ${attention.join(', ')}\n\n` : '',
    receiverReference: original.senderReference ?? '',
    refersTo: original.id,
    visibility: original.visibility,
  };
}

export type StatementFields = Omit<CreateStatementBody, 'register' | 'from'>;

export type StatementFormResult =
  | { ok: true; fields: StatementFields }
  | { ok: false; fieldErrors: Partial<Record<keyof StatementFormValues, string>> };

function isPurpose(value: string): value is StatementPurpose {
  return (STATEMENT_PURPOSES as readonly string[]).includes(value);
}

function isVisibility(value: string): value is StatementVisibility {
  return (STATEMENT_VISIBILITIES as readonly string[]).includes(value);
}

const DEADLINE_MESSAGES = {
  deadline_required: 'A statement for comment or action needs a deadline.',
  deadline_not_allowed: 'A statement for information has no deadline.',
  deadline_invalid: 'Give the deadline as a date.',
  deadline_passed: 'The deadline cannot be in the past.',
} as const;

/**
 * The form's values as the API's fields, or what to fix, checked as the API checks them so the
 * person hears it before a round trip. A deadline left in the form for an information statement
 * (the field is hidden then) is dropped, not refused.
 */
export function readStatementForm(values: StatementFormValues, today: string): StatementFormResult {
  const errors: Partial<Record<keyof StatementFormValues, string>> = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the statement a title.';
  else if (title.length > TITLE_MAX_LENGTH) {
    errors.title = `A title is at most ${TITLE_MAX_LENGTH} characters.`;
  }
  if (values.to.length === 0) errors.to = 'Choose at least one receiving organization.';
  if (values.from && values.to.includes(values.from)) {
    errors.to = 'A statement goes to other parties than its sender.';
  }
  const purpose = isPurpose(values.purpose) ? values.purpose : null;
  if (!purpose) errors.purpose = 'Choose the purpose.';
  const deadline = purpose === 'information' ? null : values.deadline.trim() || null;
  const deadlineProblem = purpose ? deadlineRefusal(purpose, deadline, today) : null;
  if (deadlineProblem) errors.deadline = DEADLINE_MESSAGES[deadlineProblem];
  if (values.body.length > STATEMENT_BODY_MAX_LENGTH) {
    errors.body = `The text is at most ${STATEMENT_BODY_MAX_LENGTH.toLocaleString('en-GB')} characters.`;
  }
  for (const name of ['senderReference', 'receiverReference'] as const) {
    if (values[name].trim().length > STATEMENT_REFERENCE_MAX_LENGTH) {
      errors[name] = `A reference is at most ${STATEMENT_REFERENCE_MAX_LENGTH} characters.`;
    }
  }
  const contacts = {
    responseContacts: parseContacts(values.responseContacts),
    technicalContacts: parseContacts(values.technicalContacts),
  };
  for (const [name, parsed] of Object.entries(contacts)) {
    if (!parsed.ok) errors[name as keyof typeof contacts] = parsed.error;
  }
  const refersTo = [
    ...new Set(
      values.refersTo
        .split(/[\s,]+/)
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (!refersTo.every(isUuid)) errors.refersTo = 'Refer to statements by their ids.';
  else if (refersTo.length > STATEMENT_MAX_REFERS_TO) {
    errors.refersTo = `At most ${STATEMENT_MAX_REFERS_TO} statements.`;
  } else if (purpose === 'response' && refersTo.length === 0) {
    errors.refersTo = 'A response refers to the statements it answers.';
  }
  if (!isVisibility(values.visibility)) errors.visibility = 'Choose who may read it.';
  if (Object.keys(errors).length > 0 || !purpose || !contacts.responseContacts.ok) {
    return { ok: false, fieldErrors: errors };
  }
  const optional = (text: string) => text.trim() || null;
  const fields: StatementFields = {
    to: values.to,
    title,
    body: values.body,
    purpose,
    deadline,
    visibility: values.visibility,
    senderReference: optional(values.senderReference),
    receiverReference: optional(values.receiverReference),
    refersTo,
  };
  // Contacts left empty are left out: the API then takes the register's points of contact.
  if (contacts.responseContacts.contacts.length > 0) {
    fields.responseContacts = contacts.responseContacts.contacts;
  }
  if (contacts.technicalContacts.ok && contacts.technicalContacts.contacts.length > 0) {
    fields.technicalContacts = contacts.technicalContacts.contacts;
  }
  return { ok: true, fields };
}

/** The API's refusals of a draft, in the form's words, with the field they concern. */
export function describeStatementError(error: { status: number; code: string; message: string }): {
  message: string;
  field?: keyof StatementFormValues;
} {
  switch (error.code) {
    case 'not_a_party':
      return { message: 'Every receiver must be a party of the register.', field: 'to' };
    case 'statement_to_self':
      return { message: 'A statement goes to other parties than its sender.', field: 'to' };
    case 'deadline_required':
    case 'deadline_not_allowed':
    case 'deadline_invalid':
    case 'deadline_passed':
      return { message: DEADLINE_MESSAGES[error.code], field: 'deadline' };
    case 'refers_to_required':
      return { message: 'A response refers to the statements it answers.', field: 'refersTo' };
    case 'unknown_statement':
      return {
        message:
          'A statement it refers to does not exist, is under another register, or you cannot read it.',
        field: 'refersTo',
      };
    case 'register_not_approved':
      return { message: 'Statements are exchanged under approved registers only.' };
    case 'statement_not_draft':
      return { message: 'This statement was sent meanwhile: a sent statement cannot change.' };
    case 'statement_not_owed':
      return { message: 'This statement is no longer owed: it was answered or withdrawn.' };
    default:
      if (error.status === 403) {
        return { message: 'You are not allowed to do this for this organization.' };
      }
      if (error.status === 404) {
        return { message: 'This statement no longer exists, or you can no longer see it.' };
      }
      return { message: error.message };
  }
}

/** Links in a statement's text: web and mail addresses and in-page anchors only. */
export function safeLinkHref(url: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return trimmed;
  try {
    const parsed = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.toString() : '';
  } catch {
    return '';
  }
}
