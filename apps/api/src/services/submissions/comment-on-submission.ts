import {
  ConflictError,
  InvalidInputError,
  isSubmissionOpenForComments,
  type Submission,
} from '@liaison/core';
import { findSubmission, insertSubmissionComment, type Pool, withTransaction } from '@liaison/db';
import { submissionMails } from '../notifications/submission-mails.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import {
  findReadableSubmission,
  loadSubmission,
  requireSubmissionAction,
  sideOf,
  sideOrganization,
} from './submission-view.js';

/** Adds a comment: the receiving admins ask, the submitter's side answers. */
export async function commentOnSubmission(
  pool: Pool,
  context: RequestContext,
  id: string,
  input: { body: string },
): Promise<Submission> {
  const { userId } = requireUser(context.actor);
  const body = input.body.trim();
  if (body === '') throw new InvalidInputError('The comment is empty', 'invalid_input');
  const record = await withTransaction(pool, async (client) => {
    // Locked so a comment never lands on a submission withdrawn at the same moment.
    const current = await findReadableSubmission(client, context.actor, id, { lock: true });
    requireSubmissionAction(context.actor, current, 'comment');
    if (!isSubmissionOpenForComments(current.state)) {
      throw new ConflictError(
        `A ${current.state} submission takes no more comments`,
        'submission_closed',
      );
    }
    const side = sideOf(context.actor, current);
    const commentId = await insertSubmissionComment(client, {
      submissionId: id,
      authorId: userId,
      side,
      body,
    });
    await auditAction(client, context, sideOrganization(context.actor, current), {
      action: 'submission.comment',
      objectType: 'submission',
      objectId: id,
      details: { commentId, side },
    });
    await submissionMails.commented(client, {
      submissionId: id,
      actorEmail: context.actor.email,
      side,
    });
    return (await findSubmission(client, id))!;
  });
  return loadSubmission(pool, record, context.actor);
}
