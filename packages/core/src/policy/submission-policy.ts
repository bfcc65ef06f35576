/**
 * The permission policy for submissions (docs/architecture.md, "Submissions"). Pure and deny by
 * default. Submissions are confidential: the submitter while still a member of the submitting
 * organization, the submitting organization's admins and the receiving organization's admins,
 * nobody else (not other members of either organization, not a third party, not the operator, not
 * a submitter who has left). The list query in packages/db (queries/submissions.ts) mirrors `read`
 * as SQL; the submission authorization matrix test keeps the two in step.
 *
 * Who may act is decided here; when (the state machine) is decided by `nextSubmissionState`, so a
 * caller allowed to act gets 409 for an illegal transition and everyone else 403/404.
 */
import type { RegisterState } from '../domain.js';
import type { SubmissionPermissions, SubmissionState } from '../submission-schemas.js';
import { type Actor, hasRole, organizationsOf } from './actor.js';

/** What the policy needs to know about a submission. */
export interface SubmissionSubject {
  /** Submitting organization slug. */
  from: string;
  /** Receiving organization slug. */
  to: string;
  /** User id of the submitter. */
  submittedBy: string | null;
}

export const SUBMISSION_ACTIONS = [
  'read',
  'comment',
  'start-review',
  'accept',
  'decline',
  'withdraw',
  'adopt',
  'add-files',
] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

/** The submitter speaks for the submitting organization only while they belong to it (any role). */
function isSubmitter(actor: Actor, submission: SubmissionSubject): boolean {
  return (
    actor.userId !== null &&
    actor.userId === submission.submittedBy &&
    hasRole(actor, submission.from, 'member')
  );
}

/** The submitter's side: the submitter, and admins of the submitting organization. */
function isSubmittingSide(actor: Actor, submission: SubmissionSubject): boolean {
  // Credentials scoped to another organization hold no role in this one, so they do not count.
  return isSubmitter(actor, submission) || hasRole(actor, submission.from, 'admin');
}

/** The reviewing side: admins of the receiving organization. */
function isReceivingSide(actor: Actor, submission: SubmissionSubject): boolean {
  return canReviewFor(actor, submission.to);
}

export function allowSubmission(
  actor: Actor,
  action: SubmissionAction,
  submission: SubmissionSubject,
): boolean {
  if (actor.userId === null) return false;
  switch (action) {
    case 'read':
    case 'comment':
      return isSubmittingSide(actor, submission) || isReceivingSide(actor, submission);
    case 'start-review':
    case 'accept':
    case 'decline':
    case 'adopt':
      return isReceivingSide(actor, submission);
    case 'withdraw':
      return isSubmittingSide(actor, submission);
    case 'add-files':
      // Those who speak for the submitting organization and may still submit for it.
      return isSubmittingSide(actor, submission) && canSubmitFor(actor, submission.from);
    default:
      return false;
  }
}

/** Editors and admins submit for their organization. */
export function canSubmitFor(actor: Actor, organization: string): boolean {
  return hasRole(actor, organization, 'editor');
}

/** The organizations the actor may submit for (under registers they are a party of). */
export function submittingOrganizations(actor: Actor): string[] {
  return organizationsOf(actor).filter((organization) => canSubmitFor(actor, organization));
}

/** Admins review what their organization receives. */
export function canReviewFor(actor: Actor, organization: string): boolean {
  return hasRole(actor, organization, 'admin');
}

/** The organizations whose incoming submissions the actor reviews. */
export function reviewingOrganizations(actor: Actor): string[] {
  return organizationsOf(actor).filter((organization) => canReviewFor(actor, organization));
}

/**
 * Who may create a submission from `from` to `to` under a register: editors and admins of the
 * submitting party, to another party of the same register, and only while the register is approved
 * (a draft is not yet an agreement in force).
 */
export function canCreateSubmission(
  actor: Actor,
  submission: { from: string; to: string },
  register: { state: RegisterState; parties: readonly string[] },
): boolean {
  return (
    register.state === 'approved' &&
    submission.from !== submission.to &&
    register.parties.includes(submission.from) &&
    register.parties.includes(submission.to) &&
    canSubmitFor(actor, submission.from)
  );
}

export type SubmissionTransitionTarget = Exclude<SubmissionState, 'submitted'>;

const TRANSITIONS: Record<SubmissionState, readonly SubmissionTransitionTarget[]> = {
  submitted: ['under-review', 'withdrawn'],
  'under-review': ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
};

/** Whether the state machine allows `from → to`. */
export function isSubmissionTransition(
  from: SubmissionState,
  to: SubmissionTransitionTarget,
): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The policy action a transition to `to` needs. */
export function actionForTransition(to: SubmissionTransitionTarget): SubmissionAction {
  switch (to) {
    case 'under-review':
      return 'start-review';
    case 'accepted':
      return 'accept';
    case 'declined':
      return 'decline';
    case 'withdrawn':
      return 'withdraw';
  }
}

/** Comments are open until the submission is withdrawn; a decision can still be discussed. */
export function isSubmissionOpenForComments(state: SubmissionState): boolean {
  return state !== 'withdrawn';
}

/** Files may be added until the receiving side decides or the submitter side withdraws. */
export function isSubmissionOpenForFiles(state: SubmissionState): boolean {
  return state === 'submitted' || state === 'under-review';
}

/**
 * What the caller may do now, returned with every submission so clients never re-derive it: the
 * role rule and the state machine together.
 */
export function submissionPermissions(
  actor: Actor,
  submission: SubmissionSubject & { state: SubmissionState; hasDocument: boolean },
): SubmissionPermissions {
  const can = (action: SubmissionAction) => allowSubmission(actor, action, submission);
  const transition = (to: SubmissionTransitionTarget) =>
    can(actionForTransition(to)) && isSubmissionTransition(submission.state, to);
  return {
    comment: can('comment') && isSubmissionOpenForComments(submission.state),
    startReview: transition('under-review'),
    accept: transition('accepted'),
    decline: transition('declined'),
    withdraw: transition('withdrawn'),
    adopt: can('adopt') && submission.state === 'accepted' && !submission.hasDocument,
    addFiles: can('add-files') && isSubmissionOpenForFiles(submission.state),
  };
}
