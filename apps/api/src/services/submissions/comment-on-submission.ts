import {
  ConflictError,
  InvalidInputError,
  isSubmissionOpenForComments,
  type Submission,
} from '@liaison/core';
import { insertSubmissionComment, type Pool } from '@liaison/db';
import { submissionMails } from '../notifications/submission-mails.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { changeSubmission } from './change-submission.js';
import { sideOf, sideOrganization } from './submission-view.js';

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
  return changeSubmission(pool, context, id, 'comment', async (client, current) => {
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
  });
}
