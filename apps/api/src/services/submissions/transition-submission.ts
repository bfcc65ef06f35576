import {
  actionForTransition,
  ConflictError,
  InvalidInputError,
  isSubmissionTransition,
  type Submission,
  type SubmissionTransitionBody,
} from '@liaison/core';
import { type Pool, setSubmissionState } from '@liaison/db';
import { submissionMails } from '../notifications/submission-mails.js';
import { auditAction, type RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';
import { changeSubmission } from './change-submission.js';
import { sideOf, sideOrganization } from './submission-view.js';

/**
 * Moves a submission along `submitted → under-review → accepted | declined`, or to `withdrawn`
 * before a decision. The row is locked first, so of two concurrent transitions from the same
 * state only one succeeds; the other finds the new state and answers 409.
 */
export async function transitionSubmission(
  pool: Pool,
  context: RequestContext,
  id: string,
  input: SubmissionTransitionBody,
): Promise<Submission> {
  const { userId } = requireUser(context.actor);
  const reason = input.reason?.trim() || null;
  if ((input.to === 'accepted' || input.to === 'declined') && reason === null) {
    throw new InvalidInputError('A decision needs a reason', 'reason_required');
  }
  return changeSubmission(
    pool,
    context,
    id,
    actionForTransition(input.to),
    async (client, current) => {
      if (!isSubmissionTransition(current.state, input.to)) {
        throw new ConflictError(
          `A submission that is ${current.state} cannot become ${input.to}`,
          'illegal_transition',
        );
      }
      await setSubmissionState(client, {
        submissionId: id,
        from: current.state,
        to: input.to,
        reason,
        actorId: userId,
      });
      const side = sideOf(context.actor, current);
      await auditAction(client, context, sideOrganization(context.actor, current), {
        action: 'submission.transition',
        objectType: 'submission',
        objectId: id,
        details: { from: current.state, to: input.to, ...(reason ? { reason } : {}) },
      });
      await submissionMails.transitioned(client, {
        submissionId: id,
        actorEmail: context.actor.email,
        side,
        to: input.to,
      });
    },
  );
}
