/**
 * The register page's edit forms (milestones, documentation commitments, points of contact, an
 * organization's approval) read into the API's request bodies. Pure, so every rule is tested
 * without a server; the API checks everything again and has the last word.
 */

import type {
  ApprovalInput,
  CommitmentInput,
  ContactInput,
  MilestoneInput,
  MilestoneState,
} from '@liaison/core';
import {
  APPROVAL_BODY_MAX_LENGTH,
  CONTACT_ROLE_MAX_LENGTH,
  DOCUMENT_IDENTIFIER_PATTERN,
  isEmailAddress,
  isSlug,
  MILESTONE_DELIVERABLE_MAX_LENGTH,
  REGISTER_TEXT_MAX_LENGTH,
  TIMEFRAME_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
import { tooLong } from './field-rules';
import { formText } from './form-text';
import type { FormLike } from './register-form';
import { parseCalendarDate } from './register-review';
import { isOpenText } from './register-timeframe';

export type Problems = Record<string, string>;
export type Read<T> = { ok: true; body: T } | { ok: false; problems: Problems };

export const MILESTONE_STATES: readonly { value: MilestoneState; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

const IDENTIFIER = new RegExp(DOCUMENT_IDENTIFIER_PATTERN);

function done<T>(problems: Problems, body: T): Read<T> {
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}

/**
 * A milestone. "?" (or nothing) for the deliverable or the timeframe keeps it an open item, as the
 * register has it; a date done only goes with the state "done".
 */
export function readMilestoneForm(form: FormLike): Read<Required<MilestoneInput>> {
  const problems: Problems = {};
  const deliverable = formText(form, 'deliverable');
  const timeframe = formText(form, 'timeframe');
  const state = formText(form, 'state');
  const doneOn = formText(form, 'doneOn');
  tooLong(problems, 'deliverable', deliverable, MILESTONE_DELIVERABLE_MAX_LENGTH);
  tooLong(problems, 'timeframe', timeframe, TIMEFRAME_MAX_LENGTH);
  if (!MILESTONE_STATES.some((option) => option.value === state)) {
    problems.state = 'Choose planned, done or dropped.';
  }
  if (doneOn && parseCalendarDate(doneOn) === null) problems.doneOn = 'Enter a date as YYYY-MM-DD.';
  else if (doneOn && state !== 'done') {
    problems.doneOn = 'Only a milestone that is done has a date done; clear it or choose “Done”.';
  }
  return done(problems, {
    deliverable: isOpenText(deliverable) ? '' : deliverable,
    timeframe: timeframe || '?',
    state: state as MilestoneState,
    doneOn: doneOn || null,
    open: isOpenText(deliverable) || isOpenText(timeframe),
  });
}

/** "dmtf/DSP-WIP-FABRIC", or a bare identifier meaning one of `from`'s documents. */
export function parseDocumentRef(
  text: string,
  from: string,
): { organization: string; identifier: string } | null | 'invalid' {
  const value = text.trim();
  if (!value) return null;
  const slash = value.indexOf('/');
  const organization = slash === -1 ? from : value.slice(0, slash).trim().toLowerCase();
  const identifier = slash === -1 ? value : value.slice(slash + 1).trim();
  if (!isSlug(organization) || !IDENTIFIER.test(identifier)) return 'invalid';
  return { organization, identifier };
}

/** A documentation commitment: which party makes which document available to which. */
export function readCommitmentForm(
  form: FormLike,
  parties: readonly string[],
): Read<Required<CommitmentInput>> {
  const problems: Problems = {};
  const from = formText(form, 'from');
  const to = formText(form, 'to');
  const title = formText(form, 'title');
  const note = formText(form, 'note');
  if (!parties.includes(from)) problems.from = 'Choose a party of the register.';
  if (!parties.includes(to)) problems.to = 'Choose a party of the register.';
  else if (to === from) problems.to = 'Choose the other party: a party commits to another.';
  tooLong(problems, 'title', title, TITLE_MAX_LENGTH);
  tooLong(problems, 'note', note, REGISTER_TEXT_MAX_LENGTH);
  const document = parseDocumentRef(formText(form, 'document'), from);
  if (document === 'invalid') {
    problems.document = 'Enter the document as organization/identifier, e.g. dmtf/DSP0266.';
  } else if (document && parties.includes(from) && document.organization !== from) {
    problems.document = `The document is made available by ${from}, so it must be one of ${from}’s (${from}/…).`;
  }
  return done(problems, {
    from,
    to,
    title: isOpenText(title) ? '' : title,
    note,
    document: document === 'invalid' ? null : document,
    open: isOpenText(title),
  });
}

/** A point of contact: a person's role and address, or a mailing list. No address: still open. */
export function readContactForm(
  form: FormLike,
  parties: readonly string[],
): Read<Required<ContactInput>> {
  const problems: Problems = {};
  const party = formText(form, 'party');
  const role = formText(form, 'role');
  const address = formText(form, 'address');
  if (!parties.includes(party)) problems.party = 'Choose a party of the register.';
  tooLong(problems, 'role', role, CONTACT_ROLE_MAX_LENGTH);
  if (address && !isEmailAddress(address)) {
    problems.address = 'Enter an e-mail address, e.g. alliances@example.org.';
  }
  if (!address && !role) problems.role = 'Enter a role or an address.';
  return done(problems, {
    party,
    role: isOpenText(role) ? '' : role,
    address: address || null,
    open: !address,
  });
}

/** The caller's organization's approval: which body, under which resolution, on which day. */
/**
 * The approval of `organization`, with its board resolution as a portal document (a bare
 * identifier is one of `organization`'s own documents).
 */
export function readApprovalForm(form: FormLike, organization: string): Read<ApprovalInput> {
  const problems: Problems = {};
  const body = formText(form, 'body');
  const resolution = formText(form, 'resolution');
  const approvedOn = formText(form, 'approvedOn');
  const resolutionDocument = parseDocumentRef(formText(form, 'resolutionDocument'), organization);
  if (resolutionDocument === 'invalid') {
    problems.resolutionDocument =
      'Enter the document as organization/identifier, e.g. dmtf/DMTF-BR-2018-10.';
  }
  if (!body) problems.body = 'Enter the body that approved it, e.g. “DMTF Board of Directors”.';
  tooLong(problems, 'body', body, APPROVAL_BODY_MAX_LENGTH);
  tooLong(problems, 'resolution', resolution, APPROVAL_BODY_MAX_LENGTH);
  if (!approvedOn) problems.approvedOn = 'Enter the date of the approval.';
  else if (parseCalendarDate(approvedOn) === null) {
    problems.approvedOn = 'Enter a date as YYYY-MM-DD.';
  }
  return done(problems, {
    body,
    resolution: resolution || null,
    approvedOn,
    resolutionDocument: resolutionDocument === 'invalid' ? null : resolutionDocument,
  });
}
