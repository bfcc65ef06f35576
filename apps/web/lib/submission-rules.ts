// What the submission pages show and accept. Pure, and safe in client components. The limits
// are core's (packages/core/src/rules.ts), the ones the API's schemas use, so people see a clear
// message before a round trip; the API validates again and enforces the permission policy. Which
// buttons a page shows comes from the API's `permissions`, never from here.

import {
  type Actor,
  canCreateSubmission,
  DECISION_REASON_MAX_LENGTH,
  type DocumentSummary,
  FILENAME_MAX_BYTES,
  type RegisterState,
  SUBMISSION_COMMENT_MAX_LENGTH,
  SUBMISSION_DESCRIPTION_MAX_LENGTH,
  SUBMISSION_MAX_FILES,
  type SubmissionPermissions,
  type SubmissionState,
} from '@liaison/core';
import { titleError } from './document-rules';
import { keepWithin } from './field-rules';
import type { BadgeTone } from './format';

export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  submitted: 'Submitted',
  'under-review': 'Under review',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const SUBMISSION_STATE_TONES: Record<SubmissionState, BadgeTone | 'danger'> = {
  submitted: 'info',
  'under-review': 'warning',
  accepted: 'success',
  declined: 'danger',
  withdrawn: 'neutral',
};

export const SUBMISSION_STATE_DESCRIPTIONS: Record<SubmissionState, string> = {
  submitted: 'Waiting for the receiving organization to start its review',
  'under-review': 'The receiving organization is reviewing it',
  accepted: 'The receiving organization accepted it',
  declined: 'The receiving organization declined it',
  withdrawn: 'The submitter withdrew it before a decision',
};

/** One line of the history: "Submitted", "Review started", "Accepted", … */
export function historyLabel(from: SubmissionState | null, to: SubmissionState): string {
  if (from === null) return 'Submitted';
  if (to === 'under-review') return 'Review started';
  return SUBMISSION_STATE_LABELS[to];
}

export type SubmissionDecision = 'under-review' | 'accepted' | 'declined' | 'withdrawn';

export interface DecisionChoice {
  to: SubmissionDecision;
  /** The button, and the dialog's confirm button. */
  label: string;
  /** Whether the API requires a reason for it. */
  reasonRequired: boolean;
  tone: 'primary' | 'danger';
}

const DECISIONS: { permission: keyof SubmissionPermissions; choice: DecisionChoice }[] = [
  {
    permission: 'startReview',
    choice: { to: 'under-review', label: 'Start review', reasonRequired: false, tone: 'primary' },
  },
  {
    permission: 'accept',
    choice: { to: 'accepted', label: 'Accept', reasonRequired: true, tone: 'primary' },
  },
  {
    permission: 'decline',
    choice: { to: 'declined', label: 'Decline', reasonRequired: true, tone: 'danger' },
  },
  {
    permission: 'withdraw',
    choice: { to: 'withdrawn', label: 'Withdraw', reasonRequired: false, tone: 'danger' },
  },
];

/** The state changes the API says this person may make now, in the order they are offered. */
export function decisionChoices(permissions: SubmissionPermissions): DecisionChoice[] {
  return DECISIONS.filter(({ permission }) => permissions[permission]).map(({ choice }) => choice);
}

export function isSubmissionDecision(value: unknown): value is SubmissionDecision {
  return DECISIONS.some(({ choice }) => choice.to === value);
}

/** Whether a reason is missing or too long for a decision; undefined when it is fine. */
export function decisionReasonError(to: SubmissionDecision, reason: string): string | undefined {
  const required = DECISIONS.find(({ choice }) => choice.to === to)?.choice.reasonRequired;
  if (required && reason === '') {
    return to === 'accepted'
      ? 'Give a reason for accepting: the submitter sees it.'
      : 'Give a reason for declining: the submitter sees it.';
  }
  return keepWithin(
    'reason',
    reason,
    DECISION_REASON_MAX_LENGTH,
    DECISION_REASON_MAX_LENGTH.toLocaleString('en-GB'),
  );
}

export function commentError(body: string): string | undefined {
  if (body === '') return 'Write a comment first.';
  return keepWithin(
    'comment',
    body,
    SUBMISSION_COMMENT_MAX_LENGTH,
    SUBMISSION_COMMENT_MAX_LENGTH.toLocaleString('en-GB'),
  );
}

// C0 and C1 controls, DEL, and the direction-changing marks the API refuses in file names.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the purpose
const FILENAME_CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const FILENAME_BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Why the API would refuse this file name (as validateUploadFilename does), if it would. */
export function filenameError(raw: string): string | undefined {
  const name = raw.normalize('NFC');
  if (name.trim() === '') return 'The file needs a name.';
  if (FILENAME_CONTROL.test(name)) return `“${name}”: the name contains control characters.`;
  if (FILENAME_BIDI.test(name)) {
    return `“${name}”: the name contains right-to-left or other direction-changing characters.`;
  }
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    return `“${name}”: the name must not contain a path.`;
  }
  if (new TextEncoder().encode(name).length > FILENAME_MAX_BYTES) {
    return `“${name.slice(0, 40)}…”: the name is longer than ${FILENAME_MAX_BYTES} bytes.`;
  }
  if (name !== name.trim()) return `“${name}”: the name starts or ends with spaces.`;
  return undefined;
}

/** A way this person may submit: under a register, from one party they edit for, to another. */
export interface SubmissionRoute {
  register: { slug: string; title: string };
  from: { slug: string; name: string };
  to: { slug: string; name: string };
}

interface RegisterLike {
  slug: string;
  title: string;
  state: RegisterState;
  parties: { organization: string; name: string }[];
}

/** Every (register, from, to) core's policy lets the person submit along (canCreateSubmission). */
export function submissionRoutes(
  registers: readonly RegisterLike[],
  actor: Actor,
): SubmissionRoute[] {
  const routes: SubmissionRoute[] = [];
  for (const register of registers) {
    const subject = {
      state: register.state,
      parties: register.parties.map((party) => party.organization),
    };
    for (const from of register.parties) {
      for (const to of register.parties) {
        const route = { from: from.organization, to: to.organization };
        if (!canCreateSubmission(actor, route, subject)) continue;
        routes.push({
          register: { slug: register.slug, title: register.title },
          from: { slug: from.organization, name: from.name },
          to: { slug: to.organization, name: to.name },
        });
      }
    }
  }
  return routes;
}

export interface SubmissionDraft {
  register: string;
  from: string;
  to: string;
  title: string;
  description: string;
  acceptIpr: boolean;
  files: readonly { name: string; size: number }[];
  /** How many Liaison document versions are attached (copied in by the API). */
  attached: number;
}

export type SubmissionFieldErrors = Partial<
  Record<'route' | 'title' | 'description' | 'acceptIpr' | 'files', string>
>;

/** What is wrong with the form before anything is sent; empty when it may be sent. */
export function submissionDraftErrors(
  draft: SubmissionDraft,
  routes: readonly SubmissionRoute[],
): SubmissionFieldErrors {
  const errors: SubmissionFieldErrors = {};
  const route = routes.find(
    (candidate) =>
      candidate.register.slug === draft.register &&
      candidate.from.slug === draft.from &&
      candidate.to.slug === draft.to,
  );
  if (!route) errors.route = 'Choose the register and the organization to submit to.';
  const title = titleError(draft.title.trim());
  if (title) errors.title = title;
  const description = keepWithin(
    'description',
    draft.description,
    SUBMISSION_DESCRIPTION_MAX_LENGTH,
    SUBMISSION_DESCRIPTION_MAX_LENGTH.toLocaleString('en-GB'),
  );
  if (description) errors.description = description;
  if (!draft.acceptIpr) {
    errors.acceptIpr = 'Acknowledge the IPR policy: no acknowledgement, no submission.';
  }
  const count = draft.files.length + draft.attached;
  if (count === 0) errors.files = 'Add at least one file or Liaison document.';
  else if (count > SUBMISSION_MAX_FILES) {
    errors.files = `Submit at most ${SUBMISSION_MAX_FILES} files at once.`;
  } else {
    const names = draft.files.map((file) => file.name);
    const badName = names.map(filenameError).find(Boolean);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (badName) errors.files = badName;
    else if (duplicate) errors.files = `“${duplicate}” is added twice.`;
  }
  return errors;
}

/** A sentence for the person in front of a submission form, from the API's answer. */
export function describeSubmissionError(error: {
  status: number;
  code?: string | undefined;
  detail?: string | undefined;
}): string {
  const { status, code, detail } = error;
  if (status === 0) return 'Liaison cannot be reached right now. Try again in a moment.';
  if (status === 401) return 'Your session has expired. Sign in again, then retry.';
  if (status === 404) return 'This submission no longer exists, or you can no longer see it.';
  if (code === 'ipr_policy_changed') {
    return 'The receiving organization changed its IPR policy since this page was opened. Reload the page, read the new policy and acknowledge it again.';
  }
  if (code === 'illegal_transition') {
    return detail
      ? `${detail} Reload the page to see the submission as it is now.`
      : 'The submission has changed state in the meantime. Reload the page to see it as it is now.';
  }
  if (code === 'submission_closed') {
    return detail ?? 'The submission was withdrawn: no more comments can be added.';
  }
  if (code === 'document_watermarked') {
    return detail ?? 'That document is watermarked; upload the file instead.';
  }
  if (status === 413) return detail ?? 'The files are larger than Liaison accepts.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 400 && status < 500 && detail) return detail;
  if (status === 403) return 'You are not allowed to do this.';
  return `Something went wrong on the server (HTTP ${status}). Try again in a moment.`;
}

/** The main navigation's item: "Submissions", with how many wait for review when there are any. */
export function submissionsLabel(waiting: number | null): string {
  if (!waiting) return 'Submissions';
  return `Submissions (${waiting >= 100 ? '99+' : waiting} new)`;
}

/** A Liaison document version the person may attach to a submission (the API copies it in). */
export interface AttachOption {
  /** `<documentId>@<versionId>`, as the API's `attach` field takes it. */
  value: string;
  label: string;
}

/**
 * The latest version of each document the person can read, except documents that require
 * watermarks: the API refuses those (a copy would reach the receiver unstamped), so their files
 * are uploaded instead.
 */
export function attachOptions(documents: readonly DocumentSummary[]): AttachOption[] {
  return documents.flatMap((document) =>
    document.latestVersion && !(document.watermark && document.visibility !== 'public')
      ? [
          {
            value: `${document.id}@${document.latestVersion.id}`,
            label: `${document.identifier} version ${document.latestVersion.label}: ${document.title}`,
          },
        ]
      : [],
  );
}
