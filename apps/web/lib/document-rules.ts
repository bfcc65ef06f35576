// What the document forms accept and offer. Pure, and safe in client components: the patterns and
// limits are core's (packages/core/src/rules.ts), the ones the API's schemas use, so people see a
// clear message before submitting. The API still decides: it validates again and
// enforces the permission policy; this module only hides choices a user cannot make.

import {
  ABSTRACT_MAX_LENGTH,
  type AudienceRegister,
  type CreateDocumentBody,
  DOCUMENT_IDENTIFIER_PATTERN,
  DOCUMENT_STATUSES,
  type DocumentPermissions,
  type DocumentStatus,
  documentAudience,
  isDocumentStatus,
  isPartnersWithoutRegister,
  isSlug,
  isVisibility,
  TITLE_MAX_LENGTH,
  VERSION_LABEL_PATTERN,
  type Visibility,
  WITHDRAWAL_REASON_MAX_LENGTH,
} from '@liaison/core';
import { keepWithin } from './field-rules';
import { VISIBILITIES_NARROWEST_FIRST as VISIBILITIES } from './format';

export type FieldErrors = Partial<Record<string, string>>;

export function identifierError(value: string): string | undefined {
  if (value === '') return 'Enter an identifier, for example DSP0266.';
  if (!new RegExp(DOCUMENT_IDENTIFIER_PATTERN).test(value)) {
    return 'Use up to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.';
  }
  return undefined;
}

export function versionLabelError(value: string): string | undefined {
  if (value === '') return 'Enter a version label, for example 1.0.0.';
  if (!new RegExp(VERSION_LABEL_PATTERN).test(value)) {
    return 'Use up to 64 letters, digits, dots, dashes, underscores or pluses, starting with a letter or digit.';
  }
  return undefined;
}

export function titleError(value: string): string | undefined {
  if (value === '') return 'Enter a title.';
  return keepWithin('title', value, TITLE_MAX_LENGTH);
}

export function abstractError(value: string): string | undefined {
  return keepWithin('abstract', value, ABSTRACT_MAX_LENGTH);
}

export function reasonError(value: string): string | undefined {
  if (value === '') return 'Give a reason: it is shown next to the withdrawn version.';
  return keepWithin('reason', value, WITHDRAWAL_REASON_MAX_LENGTH);
}

/** The status and visibility values a user may pick, given the document as it is now. */
export interface Choices {
  statuses: DocumentStatus[];
  visibilities: Visibility[];
}

/**
 * Mirrors the policy's rule for changes (actionsForChange): making a document public or taking it
 * out of public, and anything touching `standard`, needs `release`; the rest needs `edit`.
 */
export function editChoices(
  current: { status: DocumentStatus; visibility: Visibility },
  permissions: Pick<DocumentPermissions, 'edit' | 'release'>,
): Choices {
  if (!permissions.edit) return { statuses: [current.status], visibilities: [current.visibility] };
  if (permissions.release)
    return { statuses: [...DOCUMENT_STATUSES], visibilities: [...VISIBILITIES] };
  return {
    statuses:
      current.status === 'standard'
        ? ['standard']
        : DOCUMENT_STATUSES.filter((status) => status !== 'standard'),
    visibilities:
      current.visibility === 'public'
        ? ['public']
        : VISIBILITIES.filter((visibility) => visibility !== 'public'),
  };
}

/** Nothing to choose: for someone who may not create or change the document. */
export const NO_CHOICES: Choices = { statuses: [], visibilities: [] };

/**
 * The metadata a document form edits: the API's body for a new document without the owner and the
 * identifier, every field present (the form always sends them).
 */
export type DocumentFields = Required<Omit<CreateDocumentBody, 'organization' | 'identifier'>>;

/** Reads the shared metadata fields from a submitted form; trims text, drops what is not a slug. */
export function readDocumentFields(form: FormData): {
  title: string;
  abstract: string;
  status: string;
  visibility: string;
  watermark: boolean;
  registers: string[];
} {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const registers = form
    .getAll('registers')
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim())
    .filter(isSlug);
  return {
    title: text('title'),
    abstract: text('abstract').replace(/\r\n/g, '\n'),
    status: text('status'),
    visibility: text('visibility'),
    // A checkbox: sent as 'on' when ticked, not sent at all otherwise.
    watermark: form.get('watermark') === 'on',
    registers: [...new Set(registers)],
  };
}

/** Field errors for the metadata of a document (create and edit); empty when all is well. */
export function documentFieldErrors(
  fields: ReturnType<typeof readDocumentFields>,
  choices: Choices,
  allowedRegisters: readonly string[],
): FieldErrors {
  const errors: FieldErrors = {};
  const title = titleError(fields.title);
  if (title) errors.title = title;
  const abstract = abstractError(fields.abstract);
  if (abstract) errors.abstract = abstract;
  if (!isDocumentStatus(fields.status) || !choices.statuses.includes(fields.status)) {
    errors.status = 'Choose one of the statuses offered.';
  }
  if (!isVisibility(fields.visibility) || !choices.visibilities.includes(fields.visibility)) {
    errors.visibility = 'Choose one of the visibilities offered.';
  }
  const unknown = fields.registers.filter((slug) => !allowedRegisters.includes(slug));
  if (unknown.length > 0) {
    errors.registers = 'Share only under registers the owner organization is a party of.';
  } else if (
    isVisibility(fields.visibility) &&
    isPartnersWithoutRegister({ visibility: fields.visibility, registers: fields.registers })
  ) {
    errors.registers = PARTNERS_NEED_A_REGISTER;
  }
  return errors;
}

export const PARTNERS_NEED_A_REGISTER =
  'Choose at least one register: shared with partners under no register, nobody outside the owner would see it.';

/**
 * Who will see the document, in words, shown before saving: the audience core names from the
 * visibility and the chosen registers' parties (documentAudience). `problem` when it would be
 * shared with nobody.
 */
export function audienceText(
  owner: { slug: string; name: string },
  visibility: Visibility,
  registers: readonly AudienceRegister[],
): { text: string; problem: boolean } {
  const audience = documentAudience(owner.slug, visibility, registers);
  switch (audience.kind) {
    case 'everyone':
      return { text: 'Visible to: everyone, without signing in.', problem: false };
    case 'owner-only':
      return { text: `Visible to: only ${owner.name} members.`, problem: false };
    case 'nobody-else':
      return { text: 'Shared with nobody: choose a register.', problem: true };
    case 'partners': {
      const partners = audience.partners.map(
        (partner) => `${partner.name} — through the ${partner.through.join(' and the ')}`,
      );
      return {
        text: `Visible to: ${[`${owner.name} (owner)`, ...partners].join(', ')}.`,
        problem: false,
      };
    }
  }
}

/** Only what changed, so an editor's save never asks the API for a decision nobody made. */
export function changedFields(
  current: DocumentFields,
  next: DocumentFields,
): Partial<DocumentFields> {
  const change: Partial<DocumentFields> = {};
  if (next.title !== current.title) change.title = next.title;
  if (next.abstract !== current.abstract) change.abstract = next.abstract;
  if (next.status !== current.status) change.status = next.status;
  if (next.visibility !== current.visibility) change.visibility = next.visibility;
  if (next.watermark !== current.watermark) change.watermark = next.watermark;
  const sorted = (slugs: readonly string[]) => [...slugs].sort().join('\n');
  if (sorted(next.registers) !== sorted(current.registers)) change.registers = [...next.registers];
  return change;
}

/** The registers an organization may share documents under: those it is a party of. */
export function registersOf<T extends { parties: { organization: string }[] }>(
  registers: readonly T[],
  organization: string,
): T[] {
  return registers.filter((register) =>
    register.parties.some((party) => party.organization === organization),
  );
}
