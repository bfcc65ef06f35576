/**
 * The operator's register form: reading it into the API's body and working out what an edit
 * changed. Pure, so it is tested without a server.
 */

import {
  type AccessScope,
  isSlug,
  REGISTER_MAX_PARTIES,
  REGISTER_TEXT_MAX_LENGTH,
  REGISTER_VERSION_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '@liaison/core';
import { tooLong } from './field-rules';
import { formText } from './form-text';
import { parseCalendarDate } from './register-review';

/** The text sections the operator edits, each a whole ordered list. */
export const TEXT_SECTIONS = ['benefits', 'activities', 'limitations', 'accessRules'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];

export interface SectionItem {
  /** Null: joint (never for an activity). */
  party: string | null;
  text: string;
  open: boolean;
  /** Access rules only. */
  scope?: AccessScope;
}

export type RegisterSections = Record<TextSection, SectionItem[]>;

const SCOPES: readonly AccessScope[] = ['general', 'public', 'non-public', 'intellectual-property'];

export interface RegisterFields {
  slug: string;
  title: string;
  version: string;
  initiatedOn: string | null;
  state: 'draft' | 'approved';
  reviewDue: string | null;
  summary: string;
  reviewProcess: string;
  parties: { organization: string; description: string }[];
  /** Edited on an existing register only (its edit form carries them). */
  sections?: RegisterSections;
}

export interface FormLike {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

export function readRegisterForm(
  form: FormLike,
): { ok: true; fields: RegisterFields } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const slug = formText(form, 'slug').toLowerCase();
  const title = formText(form, 'title');
  const state = formText(form, 'state');
  const initiatedOn = formText(form, 'initiatedOn');
  const reviewDue = formText(form, 'reviewDue');

  if (!isSlug(slug)) {
    problems.slug = 'Lowercase letters, digits and hyphens, starting with a letter or digit.';
  }
  if (!title) problems.title = 'Enter the register’s title.';
  else tooLong(problems, 'title', title, TITLE_MAX_LENGTH);
  tooLong(problems, 'version', formText(form, 'version'), REGISTER_VERSION_MAX_LENGTH);
  if (state !== 'draft' && state !== 'approved') problems.state = 'Choose draft or approved.';
  if (initiatedOn && parseCalendarDate(initiatedOn) === null) {
    problems.initiatedOn = 'Enter a date as YYYY-MM-DD.';
  }
  if (reviewDue && parseCalendarDate(reviewDue) === null) {
    problems.reviewDue = 'Enter a date as YYYY-MM-DD.';
  }

  const seen = new Set<string>();
  const parties: RegisterFields['parties'] = [];
  for (const value of form.getAll('party')) {
    if (typeof value !== 'string' || !isSlug(value) || seen.has(value)) continue;
    seen.add(value);
    parties.push({ organization: value, description: formText(form, `partyDescription.${value}`) });
  }
  if (parties.length === 0) problems.parties = 'Tick at least one party.';
  else if (parties.length > REGISTER_MAX_PARTIES) {
    problems.parties = `At most ${REGISTER_MAX_PARTIES} parties.`;
  } else if (parties.some((p) => p.description.length > REGISTER_TEXT_MAX_LENGTH)) {
    problems.parties = `A party’s role is at most ${REGISTER_TEXT_MAX_LENGTH.toLocaleString('en-GB')} characters.`;
  }

  const sections =
    formText(form, 'sections') === '1'
      ? readSections(
          form,
          parties.map((p) => p.organization),
          problems,
        )
      : undefined;

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      slug,
      title,
      version: formText(form, 'version'),
      initiatedOn: initiatedOn || null,
      state: state as RegisterFields['state'],
      reviewDue: reviewDue || null,
      summary: formText(form, 'summary'),
      reviewProcess: formText(form, 'reviewProcess'),
      parties,
      ...(sections ? { sections } : {}),
    },
  };
}

/**
 * The rows of each text section, in order (`<section>.<n>.text`, `.party`, `.open`, `.scope`,
 * `<section>.count` rows). A row with no text that is not marked open is left out: that is how an
 * item is removed, and how the blank row for a new one is ignored.
 */
function readSections(
  form: FormLike,
  parties: readonly string[],
  problems: Record<string, string>,
): RegisterSections {
  const sections = {} as RegisterSections;
  for (const section of TEXT_SECTIONS) {
    const count = Math.min(Number.parseInt(formText(form, `${section}.count`), 10) || 0, 200);
    const items: SectionItem[] = [];
    for (let row = 0; row < count; row += 1) {
      const field = `${section}.${row}`;
      const text = formText(form, `${field}.text`);
      const open = formText(form, `${field}.open`) === 'on';
      if (!text && !open) continue;
      const partyValue = formText(form, `${field}.party`);
      const party = partyValue === '' ? null : partyValue;
      if (party !== null && !parties.includes(party)) {
        problems[`${field}.party`] = 'Choose one of the ticked parties.';
      } else if (party === null && section === 'activities') {
        problems[`${field}.party`] = 'An activity is one party’s: choose the party.';
      }
      tooLong(problems, `${field}.text`, text, REGISTER_TEXT_MAX_LENGTH);
      const scope = formText(form, `${field}.scope`) as AccessScope;
      if (section === 'accessRules' && !SCOPES.includes(scope)) {
        problems[`${field}.scope`] = 'Choose which information the rule is about.';
      }
      items.push({ party, text, open, ...(section === 'accessRules' ? { scope } : {}) });
    }
    sections[section] = items;
  }
  return sections;
}

/** POST /api/v1/registers: empty optional fields are left out. */
export function createRegisterBody(fields: RegisterFields): Record<string, unknown> {
  return {
    slug: fields.slug,
    title: fields.title,
    state: fields.state,
    ...(fields.version ? { version: fields.version } : {}),
    ...(fields.initiatedOn ? { initiatedOn: fields.initiatedOn } : {}),
    ...(fields.reviewDue ? { reviewDue: fields.reviewDue } : {}),
    ...(fields.summary ? { summary: fields.summary } : {}),
    ...(fields.reviewProcess ? { reviewProcess: fields.reviewProcess } : {}),
    parties: fields.parties.map((p) => ({
      organization: p.organization,
      ...(p.description ? { description: p.description } : {}),
    })),
  };
}

/** PATCH /api/v1/registers/:slug: only the fields that differ from `original` (dates cleared → null). */
export function registerChanges(
  original: Omit<RegisterFields, 'slug'>,
  fields: RegisterFields,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const keys = [
    'title',
    'version',
    'initiatedOn',
    'state',
    'reviewDue',
    'summary',
    'reviewProcess',
  ] as const;
  for (const key of keys) {
    if ((original[key] ?? null) !== (fields[key] ?? null)) changes[key] = fields[key];
  }
  const normalize = (parties: RegisterFields['parties']) =>
    JSON.stringify(parties.map((p) => [p.organization, p.description ?? '']));
  if (normalize(original.parties) !== normalize(fields.parties)) {
    changes.parties = createRegisterBody(fields).parties;
  }
  for (const section of TEXT_SECTIONS) {
    const before = original.sections?.[section];
    const after = fields.sections?.[section];
    if (before && after && sectionKey(before) !== sectionKey(after)) changes[section] = after;
  }
  return changes;
}

function sectionKey(items: readonly SectionItem[]): string {
  return JSON.stringify(
    items.map((item) => [item.scope ?? null, item.party, item.text, item.open]),
  );
}
