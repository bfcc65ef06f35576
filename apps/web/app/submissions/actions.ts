'use server';

// Submission mutations. Each one is a call to the API with the session's token: the API is the
// only enforcement point. What is checked here is for the person filling in the form (clear
// messages before a round trip), never for security.

import type { Submission } from '@liaison/core';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type ApiError, callApi } from '../../lib/api';
import { boundIdAction } from '../../lib/bound-id-action';
import { identifierError, titleError, versionLabelError } from '../../lib/document-rules';
import { formText } from '../../lib/form-text';
import { isUuid } from '../../lib/proxy';
import { submissionPath } from '../../lib/submission-links';
import {
  commentError,
  decisionReasonError,
  describeSubmissionError,
  isSubmissionDecision,
} from '../../lib/submission-rules';
import type { SubmissionActionState } from './action-state';

const missing: SubmissionActionState = {
  status: 'error',
  message: 'This submission cannot be found.',
};

function failure(error: ApiError, field?: string): SubmissionActionState {
  const message = describeSubmissionError({
    status: error.status,
    code: error.code,
    detail: error.message,
  });
  return { status: 'error', message, ...(field ? { fieldErrors: { [field]: message } } : {}) };
}

/** Start review, accept, decline or withdraw: `to` is bound by the button that was pressed. */
export async function transitionSubmissionAction(
  submissionId: string,
  to: string,
  _previous: SubmissionActionState,
  form: FormData,
): Promise<SubmissionActionState> {
  if (!isUuid(submissionId) || !isSubmissionDecision(to)) return missing;
  const reason = formText(form, 'reason');
  const problem = decisionReasonError(to, reason);
  if (problem) return { status: 'error', message: problem, fieldErrors: { reason: problem } };
  const answer = await callApi<Submission>(`/api/v1/submissions/${submissionId}/transitions`, {
    method: 'POST',
    body: { to, ...(reason ? { reason } : {}) },
  });
  if (!answer.ok) return failure(answer.error);
  // The main navigation counts submissions waiting for review: render the layout again too.
  revalidatePath('/', 'layout');
  redirect(`${submissionPath(submissionId)}?notice=${to}`);
}

export const commentSubmissionAction = boundIdAction<SubmissionActionState>(
  missing,
  async (submissionId, form) => {
    const body = formText(form, 'body');
    const problem = commentError(body);
    if (problem) return { status: 'error', message: problem, fieldErrors: { body: problem } };
    const answer = await callApi<Submission>(`/api/v1/submissions/${submissionId}/comments`, {
      method: 'POST',
      body: { body },
    });
    if (!answer.ok) return failure(answer.error, 'body');
    redirect(`${submissionPath(submissionId)}?notice=commented#comments`);
  },
);

/** A new document of the receiving organization whose first version is a copy of one file. */
export const createDocumentFromSubmissionAction = boundIdAction<SubmissionActionState>(
  missing,
  async (submissionId, form) => {
    const fileId = formText(form, 'fileId');
    const identifier = formText(form, 'identifier');
    const title = formText(form, 'title');
    const versionLabel = formText(form, 'versionLabel');
    const fieldErrors: Partial<Record<string, string>> = {};
    if (!isUuid(fileId)) fieldErrors.fileId = 'Choose the file that becomes the first version.';
    const identifierProblem = identifierError(identifier);
    if (identifierProblem) fieldErrors.identifier = identifierProblem;
    const titleProblem = title === '' ? undefined : titleError(title);
    if (titleProblem) fieldErrors.title = titleProblem;
    const labelProblem = versionLabel === '' ? undefined : versionLabelError(versionLabel);
    if (labelProblem) fieldErrors.versionLabel = labelProblem;
    if (Object.keys(fieldErrors).length > 0) {
      return { status: 'error', message: 'Check the fields marked below.', fieldErrors };
    }
    const answer = await callApi<Submission>(`/api/v1/submissions/${submissionId}/document`, {
      method: 'POST',
      body: {
        fileId,
        identifier,
        ...(title ? { title } : {}),
        ...(versionLabel ? { versionLabel } : {}),
      },
    });
    if (!answer.ok) {
      return failure(
        answer.error,
        answer.error.code === 'duplicate_identifier' ? 'identifier' : undefined,
      );
    }
    redirect(`${submissionPath(submissionId)}?notice=document-created`);
  },
);

/** Links an existing document of the receiving organization. */
export const linkDocumentToSubmissionAction = boundIdAction<SubmissionActionState>(
  missing,
  async (submissionId, form) => {
    const document = formText(form, 'document');
    if (!isUuid(document)) {
      const message = 'Choose the document to link.';
      return { status: 'error', message, fieldErrors: { document: message } };
    }
    const answer = await callApi<Submission>(`/api/v1/submissions/${submissionId}/document-link`, {
      method: 'POST',
      body: { document },
    });
    if (!answer.ok) return failure(answer.error, 'document');
    redirect(`${submissionPath(submissionId)}?notice=document-linked`);
  },
);
