'use server';

// Review mutations: each one is a call to the API with the session's token, the only enforcement
// point. What is checked here is for the person filling in the form.

import { DISPOSITIONS, type Disposition, type DispositionBody } from '@liaison/core';
import { redirect } from 'next/navigation';
import { type ApiResponse, fromApi, type LiaisonClient } from '../../lib/api';
import { boundIdAction } from '../../lib/bound-id-action';
import { describeApiError } from '../../lib/errors';
import { isUuid } from '../../lib/proxy';
import { commentChangeFrom, reviewPath } from '../../lib/review-rules';
import type { ActionState } from '../documents/action-state';

const invalid: ActionState = { status: 'error', message: 'This review cannot be found.' };

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n') : '';
}

/** Makes `call` as the session; on success goes to `then`, else answers the API's refusal. */
async function act<T>(
  call: (client: LiaisonClient) => Promise<T>,
  then: (answer: T) => string,
): Promise<ActionState> {
  const result: ApiResponse<T> = await fromApi(call, { requireSession: true });
  if (!result.ok) {
    const { status, code, message } = result.error;
    return {
      status: 'error',
      message:
        status === 404
          ? 'This review no longer exists, or you can no longer see it.'
          : describeApiError({ status, code, detail: message }),
    };
  }
  redirect(then(result.data));
}

/** Opens a call for comments on one version of the document. */
export async function openReviewAction(
  documentId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  if (!isUuid(documentId)) return { status: 'error', message: 'This document cannot be found.' };
  const title = text(form, 'title').trim();
  const closesOn = text(form, 'closesOn');
  if (!title || !closesOn) {
    return { status: 'error', message: 'Give the review a title and a closing date.' };
  }
  const note = text(form, 'note').trim();
  return act(
    (client) =>
      client.openReview(documentId, {
        versionId: text(form, 'versionId'),
        title,
        closesOn,
        ...(note ? { note } : {}),
        requireIprAcknowledgement: form.get('requireIprAcknowledgement') === 'on',
      }),
    (review) => `${reviewPath(review.id)}?notice=opened`,
  );
}

/** An action on one comment of a review, both ids bound by the page. */
function commentAction(
  handle: (reviewId: string, commentId: string, form: FormData) => Promise<ActionState>,
) {
  return async (
    reviewId: string,
    commentId: string,
    _previous: ActionState,
    form: FormData,
  ): Promise<ActionState> =>
    isUuid(reviewId) && isUuid(commentId) ? handle(reviewId, commentId, form) : invalid;
}

/** Moves the closing date of an open review (never into the past). */
export const extendReviewAction = boundIdAction<ActionState>(invalid, async (reviewId, form) => {
  const closesOn = text(form, 'closesOn');
  if (!closesOn) return { status: 'error', message: 'Choose the new closing date.' };
  return act(
    (client) => client.updateReview(reviewId, { closesOn }),
    () => `${reviewPath(reviewId)}?notice=extended`,
  );
});

export const closeReviewAction = boundIdAction<ActionState>(invalid, (reviewId) =>
  act(
    (client) => client.closeReview(reviewId),
    () => `${reviewPath(reviewId)}?notice=closed`,
  ),
);

export const publishLogAction = boundIdAction<ActionState>(invalid, (reviewId) =>
  act(
    (client) => client.publishResolutionLog(reviewId),
    () => `${reviewPath(reviewId)}?notice=published`,
  ),
);

export const withdrawCommentAction = commentAction((reviewId, commentId) =>
  act(
    (client) => client.withdrawComment(commentId),
    () => `${reviewPath(reviewId)}?notice=withdrawn`,
  ),
);

/** The author's correction of their comment, until it has a disposition. */
export const editCommentAction = commentAction(async (reviewId, commentId, form) => {
  const change = commentChangeFrom({
    location: text(form, 'location'),
    kind: text(form, 'kind'),
    body: text(form, 'body'),
    proposedChange: text(form, 'proposedChange'),
  });
  if (!change) return { status: 'error', message: 'The comment cannot be empty.' };
  return act(
    (client) => client.updateComment(commentId, change),
    (comment) => `${reviewPath(reviewId)}?notice=edited#comment-${comment.number}`,
  );
});

/** Gives a comment its disposition and response (the owner's editors and admins). */
export const setDispositionAction = commentAction(async (reviewId, commentId, form) => {
  const disposition = text(form, 'disposition') as Disposition;
  if (!DISPOSITIONS.includes(disposition)) {
    return { status: 'error', message: 'Choose a disposition.' };
  }
  const duplicateOf = text(form, 'duplicateOf');
  if (disposition === 'duplicate' && !duplicateOf) {
    return { status: 'error', message: 'Choose the comment this one duplicates.' };
  }
  const resolvedIn = text(form, 'resolvedInVersionId');
  const body: DispositionBody = {
    disposition,
    response: text(form, 'response').trim(),
    resolvedInVersionId: resolvedIn || null,
    duplicateOf: disposition === 'duplicate' ? duplicateOf : null,
  };
  return act(
    (client) => client.setDisposition(commentId, body),
    (comment) => `${reviewPath(reviewId)}?notice=disposed#comment-${comment.number}`,
  );
});
