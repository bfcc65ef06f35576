/**
 * The submission policy and state machine, written from docs/architecture.md ("Submissions") and
 * issue 5: confidential to the submitter, the submitting organization's admins and the receiving
 * organization's admins; receiving admins review and decide; the submitter's side withdraws before
 * a decision.
 */
import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../src/policy/actor.js';
import {
  allowSubmission,
  canCreateSubmission,
  isSubmissionTransition,
  reviewingOrganizations,
  SUBMISSION_ACTIONS,
  submissionPermissions,
  submittingOrganizations,
} from '../src/policy/submission-policy.js';
import type { SubmissionState } from '../src/submission-schemas.js';
import { person, tableActors } from './fixtures/actors.js';
import { type SubmissionActorKind, submissionTableAllows } from './fixtures/permission-table.js';

const submission = { from: 'ofa', to: 'dmtf', submittedBy: 'submitter' };
const approved = { state: 'approved' as const, parties: ['ofa', 'dmtf'] };

/** One actor for each way of standing to an OFA → DMTF submission that 'submitter' (an OFA editor) sent. */
const KINDS = {
  ...tableActors({ submitting: 'ofa', receiving: 'dmtf', 'third-party': 'snia' }),
  submitter: person('submitter', { ofa: 'editor' }),
} satisfies Record<SubmissionActorKind, Actor>;

describe('submission policy: the permission table', () => {
  it.each(Object.keys(KINDS) as SubmissionActorKind[])('%s', (kind) => {
    const answers = Object.fromEntries(
      SUBMISSION_ACTIONS.map((action) => [
        action,
        allowSubmission(KINDS[kind], action, submission),
      ]),
    );
    const expected = Object.fromEntries(
      SUBMISSION_ACTIONS.map((action) => [action, submissionTableAllows(kind, action)]),
    );
    expect(answers).toEqual(expected);
  });
});

describe('submission policy', () => {
  it('lets only the submitter and the admins of both organizations read', () => {
    expect(allowSubmission(person('submitter', { ofa: 'editor' }), 'read', submission)).toBe(true);
    expect(allowSubmission(person('a', { ofa: 'admin' }), 'read', submission)).toBe(true);
    expect(allowSubmission(person('b', { dmtf: 'admin' }), 'read', submission)).toBe(true);
    for (const outsider of [
      person('c', { ofa: 'editor' }),
      person('d', { ofa: 'member' }),
      person('e', { dmtf: 'editor' }),
      person('f', { snia: 'admin' }),
      person('g', {}, { operator: true }),
      ANONYMOUS,
    ]) {
      expect(allowSubmission(outsider, 'read', submission)).toBe(false);
    }
  });

  it('lets the submitter read and act only while a member of the submitting organization', () => {
    expect(allowSubmission(person('submitter', { ofa: 'member' }), 'read', submission)).toBe(true);
    const left = person('submitter', { snia: 'admin' });
    for (const action of ['read', 'comment', 'withdraw'] as const) {
      expect(allowSubmission(left, action, submission)).toBe(false);
    }
  });

  it('counts a scoped sign-in only for its own organization', () => {
    // The submitter also administers the DMTF; signed in through the DMTF, they are a DMTF admin only.
    const both = { ofa: 'editor', dmtf: 'admin' } as const;
    expect(
      allowSubmission(person('submitter', both, { scope: 'dmtf' }), 'withdraw', submission),
    ).toBe(false);
    expect(
      allowSubmission(person('submitter', both, { scope: 'dmtf' }), 'accept', submission),
    ).toBe(true);
    expect(
      allowSubmission(person('submitter', both, { scope: 'ofa' }), 'withdraw', submission),
    ).toBe(true);
    expect(allowSubmission(person('submitter', both, { scope: 'ofa' }), 'accept', submission)).toBe(
      false,
    );
  });

  it('lets receiving admins decide and the submitter side withdraw', () => {
    const reviewer = person('r', { dmtf: 'admin' });
    const submitter = person('submitter', { ofa: 'editor' });
    for (const action of ['start-review', 'accept', 'decline', 'adopt'] as const) {
      expect(allowSubmission(reviewer, action, submission)).toBe(true);
      expect(allowSubmission(submitter, action, submission)).toBe(false);
    }
    expect(allowSubmission(reviewer, 'withdraw', submission)).toBe(false);
    expect(allowSubmission(submitter, 'withdraw', submission)).toBe(true);
    expect(allowSubmission(person('a', { ofa: 'admin' }), 'withdraw', submission)).toBe(true);
  });

  it('lets editors and admins of a party submit to another party of an approved register', () => {
    const editor = person('x', { ofa: 'editor' });
    expect(canCreateSubmission(editor, { from: 'ofa', to: 'dmtf' }, approved)).toBe(true);
    expect(canCreateSubmission(editor, { from: 'ofa', to: 'ofa' }, approved)).toBe(false);
    expect(canCreateSubmission(editor, { from: 'ofa', to: 'snia' }, approved)).toBe(false);
    expect(
      canCreateSubmission(editor, { from: 'ofa', to: 'dmtf' }, { ...approved, state: 'draft' }),
    ).toBe(false);
    expect(
      canCreateSubmission(person('m', { ofa: 'member' }), { from: 'ofa', to: 'dmtf' }, approved),
    ).toBe(false);
    expect(
      canCreateSubmission(
        person('o', {}, { operator: true }),
        { from: 'ofa', to: 'dmtf' },
        approved,
      ),
    ).toBe(false);
  });
});

describe('submission state machine', () => {
  it('allows exactly submitted → under-review → accepted | declined, and withdrawn before a decision', () => {
    const allowed = (
      ['submitted', 'under-review', 'accepted', 'declined', 'withdrawn'] as const
    ).flatMap((from) =>
      (['under-review', 'accepted', 'declined', 'withdrawn'] as const)
        .filter((to) => isSubmissionTransition(from, to))
        .map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'submitted→under-review',
      'submitted→withdrawn',
      'under-review→accepted',
      'under-review→declined',
      'under-review→withdrawn',
    ]);
  });

  it('offers in permissions only what the role and the state both allow', () => {
    const reviewer = person('r', { dmtf: 'admin' });
    expect(
      submissionPermissions(reviewer, { ...submission, state: 'under-review', hasDocument: false }),
    ).toEqual({
      comment: true,
      startReview: false,
      accept: true,
      decline: true,
      withdraw: false,
      adopt: false,
      addFiles: false,
    });
    expect(
      submissionPermissions(reviewer, { ...submission, state: 'accepted', hasDocument: false })
        .adopt,
    ).toBe(true);
    expect(
      submissionPermissions(reviewer, { ...submission, state: 'accepted', hasDocument: true })
        .adopt,
    ).toBe(false);
  });

  it('lets the submitting side that may still submit add files until a decision', () => {
    const submitter = person('submitter', { ofa: 'editor' });
    const demoted = person('submitter', { ofa: 'member' });
    const withState = (state: SubmissionState) => ({ ...submission, state, hasDocument: false });
    expect(submissionPermissions(submitter, withState('submitted')).addFiles).toBe(true);
    expect(submissionPermissions(submitter, withState('under-review')).addFiles).toBe(true);
    for (const state of ['accepted', 'declined', 'withdrawn'] as const) {
      expect(submissionPermissions(submitter, withState(state)).addFiles).toBe(false);
    }
    expect(submissionPermissions(demoted, withState('submitted')).addFiles).toBe(false);
  });
});

describe('where a person submits and reviews', () => {
  it('submits for the organizations they edit for and reviews for those they administer', () => {
    const mixed = person('mixed', { ofa: 'member', dmtf: 'editor', snia: 'admin' });
    expect(submittingOrganizations(mixed).sort()).toEqual(['dmtf', 'snia']);
    expect(reviewingOrganizations(mixed)).toEqual(['snia']);
  });

  it('gives the operator without memberships neither', () => {
    const operator = person('operator', {}, { operator: true });
    expect(submittingOrganizations(operator)).toEqual([]);
    expect(reviewingOrganizations(operator)).toEqual([]);
    expect(submittingOrganizations(ANONYMOUS)).toEqual([]);
  });
});
