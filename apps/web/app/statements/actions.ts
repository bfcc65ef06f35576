'use server';

// Statement mutations: each one is a call to the API with the session's token, the only
// enforcement point. What is checked here is for the person filling in the form.

import {
  isSlug,
  STATEMENT_NOTE_MAX_LENGTH,
  type Statement,
  type StatementPurpose,
  type StatementVisibility,
  utcDate,
} from '@liaison/core';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type ApiError, callApi } from '../../lib/api';
import { boundIdAction } from '../../lib/bound-id-action';
import { isUuid } from '../../lib/proxy';
import { statementPath } from '../../lib/statement-links';
import {
  describeStatementError,
  readStatementForm,
  type StatementFormValues,
} from '../../lib/statement-rules';
import type { SubmissionActionState as StatementActionState } from '../submissions/action-state';
import type { StatementFormState } from './form-state';

const missing: StatementActionState = {
  status: 'error',
  message: 'This statement cannot be found.',
};

function failure(error: ApiError): StatementActionState {
  const { message, field } = describeStatementError(error);
  return { status: 'error', message, ...(field ? { fieldErrors: { [field]: message } } : {}) };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function formValues(form: FormData): StatementFormValues {
  return {
    from: text(form, 'from'),
    to: form.getAll('to').filter((value): value is string => typeof value === 'string'),
    purpose: text(form, 'purpose') as StatementPurpose,
    deadline: text(form, 'deadline'),
    title: text(form, 'title'),
    body: text(form, 'body').replace(/\r\n/g, '\n'),
    senderReference: text(form, 'senderReference'),
    receiverReference: text(form, 'receiverReference'),
    responseContacts: text(form, 'responseContacts'),
    technicalContacts: text(form, 'technicalContacts'),
    refersTo: text(form, 'refersTo'),
    visibility: text(form, 'visibility') as StatementVisibility,
  };
}

/** Saves the draft form: a new draft under `register`, or changes to the draft `statementId`. */
export async function saveStatementAction(
  register: string,
  statementId: string | null,
  previous: StatementFormState,
  form: FormData,
): Promise<StatementFormState> {
  if (!isSlug(register) || (statementId !== null && !isUuid(statementId))) return missing;
  const values = formValues(form);
  // The form shows what was typed again after a refusal (React resets a form once its action ran).
  const attempt = { values, attempt: (previous.attempt ?? 0) + 1 };
  const read = readStatementForm(values, utcDate(new Date()));
  if (!read.ok) {
    return {
      status: 'error',
      message: 'Some fields need your attention.',
      fieldErrors: read.fieldErrors,
      ...attempt,
    };
  }
  const answer =
    statementId === null
      ? await callApi<Statement>('/api/v1/statements', {
          method: 'POST',
          body: { register, ...(values.from ? { from: values.from } : {}), ...read.fields },
        })
      : await callApi<Statement>(`/api/v1/statements/${statementId}`, {
          method: 'PATCH',
          body: read.fields,
        });
  if (!answer.ok) return { ...failure(answer.error), ...attempt };
  redirect(`${statementPath(answer.data.id)}?notice=${statementId === null ? 'created' : 'saved'}`);
}

/** A statement's state change (send, withdraw, mark answered), then back to its page. */
async function transition(
  statementId: string,
  step: 'send' | 'withdraw' | 'answered',
  body: Record<string, string> | undefined,
): Promise<StatementActionState> {
  const answer = await callApi<Statement>(`/api/v1/statements/${statementId}/${step}`, {
    method: 'POST',
    ...(body ? { body } : {}),
  });
  if (!answer.ok) return failure(answer.error);
  // The workspace's Action needed list and the register's Statements change with it.
  revalidatePath('/', 'layout');
  redirect(`${statementPath(statementId)}?notice=${step === 'send' ? 'sent' : step}`);
}

export const sendStatementAction = boundIdAction<StatementActionState>(missing, (statementId) =>
  transition(statementId, 'send', undefined),
);

function noteError(note: string, required: boolean): string | null {
  if (required && note === '') return 'Say why, for the receivers.';
  if (note.length > STATEMENT_NOTE_MAX_LENGTH) {
    return `At most ${STATEMENT_NOTE_MAX_LENGTH} characters.`;
  }
  return null;
}

/** A step whose form gives a note in its `reason` field, checked here before the API is called. */
function transitionWithNote(
  step: 'withdraw' | 'answered',
  required: boolean,
  body: (note: string) => Record<string, string> | undefined,
) {
  return boundIdAction<StatementActionState>(missing, async (statementId, form) => {
    const note = text(form, 'reason').trim();
    const problem = noteError(note, required);
    if (problem) return { status: 'error', message: problem, fieldErrors: { reason: problem } };
    return transition(statementId, step, body(note));
  });
}

export const withdrawStatementAction = transitionWithNote('withdraw', true, (reason) => ({
  reason,
}));

export const markStatementAnsweredAction = transitionWithNote('answered', false, (note) =>
  note ? { note } : undefined,
);

/** Discards a draft with its attachments; back to the register it was written under. */
export async function discardStatementAction(
  statementId: string,
  register: string,
  _previous: StatementActionState,
  _form: FormData,
): Promise<StatementActionState> {
  if (!isUuid(statementId) || !isSlug(register)) return missing;
  const answer = await callApi<undefined>(`/api/v1/statements/${statementId}`, {
    method: 'DELETE',
  });
  if (!answer.ok) return failure(answer.error);
  revalidatePath('/', 'layout');
  redirect(`/registers/${register}?saved=statement-discarded#statements`);
}

export async function removeAttachmentAction(
  statementId: string,
  attachmentId: string,
  _previous: StatementActionState,
  _form: FormData,
): Promise<StatementActionState> {
  if (!isUuid(statementId) || !isUuid(attachmentId)) return missing;
  const answer = await callApi<undefined>(
    `/api/v1/statements/${statementId}/attachments/${attachmentId}`,
    { method: 'DELETE' },
  );
  if (!answer.ok) return failure(answer.error);
  redirect(`${statementPath(statementId)}?notice=attachment-removed#attachments`);
}
