import {
  type Actor,
  allowSubmission,
  ForbiddenError,
  type Submission,
  type SubmissionAction,
  type SubmissionSubject,
  type SubmissionSummary,
  submissionPermissions,
} from '@liaison/core';
import {
  findSubmission,
  listSubmissionComments,
  listSubmissionEvents,
  listSubmissionFiles,
  type Queryable,
  type SubmissionRecord,
} from '@liaison/db';
import { readableFinder } from '../readable-finder.js';

export function subjectOf(record: SubmissionRecord): SubmissionSubject {
  return { from: record.from.slug, to: record.to.slug, submittedBy: record.submittedById };
}

/** The submission if the actor may read it; otherwise NotFoundError. */
export const findReadableSubmission = readableFinder(
  findSubmission,
  (actor, record) => allowSubmission(actor, 'read', subjectOf(record)),
  'No such submission',
);

const WHY: Record<SubmissionAction, string> = {
  read: 'read this submission',
  comment: 'comment on this submission',
  'start-review': 'review this submission (admins of the receiving organization)',
  accept: 'accept this submission (admins of the receiving organization)',
  decline: 'decline this submission (admins of the receiving organization)',
  withdraw: 'withdraw this submission (the submitter and admins of the submitting organization)',
  adopt: "turn this submission into the receiving organization's document (its admins)",
  'add-files':
    'add files to this submission (the submitter and admins of the submitting organization)',
};

export function requireSubmissionAction(
  actor: Actor,
  record: SubmissionRecord,
  action: SubmissionAction,
) {
  if (!allowSubmission(actor, action, subjectOf(record))) {
    throw new ForbiddenError(`Only some people may ${WHY[action]}`);
  }
}

/** The side the actor speaks for; the receiving side wins for someone who is on both. */
export function sideOf(actor: Actor, record: SubmissionRecord): 'submitting' | 'receiving' {
  return allowSubmission(actor, 'start-review', subjectOf(record)) ? 'receiving' : 'submitting';
}

/** The organization of the side the actor speaks for: what their audit events are done for. */
export function sideOrganization(actor: Actor, record: SubmissionRecord): string {
  return sideOf(actor, record) === 'receiving' ? record.to.slug : record.from.slug;
}

function summaryFields(record: SubmissionRecord, actor: Actor) {
  return {
    id: record.id,
    reference: record.reference,
    register: record.register,
    from: record.from,
    to: record.to,
    title: record.title,
    state: record.state,
    submittedBy: record.submittedBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    permissions: submissionPermissions(actor, {
      ...subjectOf(record),
      state: record.state,
      hasDocument: record.document !== null,
    }),
  };
}

export function toSubmissionSummary(record: SubmissionRecord, actor: Actor): SubmissionSummary {
  return { ...summaryFields(record, actor), fileCount: record.fileCount };
}

/** The whole submission as the actor sees it: files, history, comments, permissions. */
export async function loadSubmission(
  db: Queryable,
  record: SubmissionRecord,
  actor: Actor,
): Promise<Submission> {
  const [files, history, comments] = await Promise.all([
    listSubmissionFiles(db, record.id),
    listSubmissionEvents(db, record.id),
    listSubmissionComments(db, record.id),
  ]);
  return {
    ...summaryFields(record, actor),
    description: record.description,
    ipr: {
      by: record.ipr.by,
      at: record.ipr.at.toISOString(),
      policySha256: record.ipr.policySha256,
    },
    files: files.map((file) => ({
      id: file.id,
      filename: file.filename,
      size: file.size,
      mediaType: file.mediaType,
      sha256: file.sha256,
      createdAt: file.createdAt.toISOString(),
      copiedFrom: file.copiedFrom,
    })),
    history: history.map((event) => ({ ...event, at: event.at.toISOString() })),
    comments: comments.map((comment) => ({ ...comment, at: comment.at.toISOString() })),
    document: record.document ? { ...record.document, at: record.document.at.toISOString() } : null,
  };
}
