/** What a Server Action answers to the form that called it (plain data, serializable). */

import type { ApiError } from '../../lib/api';

export interface FormState<R = undefined> {
  status: 'idle' | 'error' | 'success';
  /** Shown next to the form: the API's error, or a confirmation. */
  message?: string;
  /** The API's error code (`last_admin`, `already_member`, …). */
  code?: string;
  /** Problems with single fields, by field name. */
  fieldErrors?: Record<string, string>;
  /** What was submitted, so a failed form keeps its input. */
  values?: Record<string, string>;
  /** Whatever a successful action hands back (e.g. a new token's secret). */
  result?: R;
  /** Distinguishes two identical answers in a row (so the form re-renders its message). */
  at?: number;
}

export const IDLE: FormState<never> = { status: 'idle' };

/** A server action behind a form that answers with a FormState (useActionState's signature). */
export type FormAction = (previous: FormState, form: FormData) => Promise<FormState>;

/** Friendlier words for error codes the API uses for well-known situations. */
const MESSAGES: Record<string, string> = {
  unauthenticated: 'Your session has expired. Please sign in again, then retry.',
  last_admin:
    'This would leave the organization without an admin. Make someone else an admin first.',
  already_member: 'This person is already a member of the organization.',
};

/** The form state for a failed API call. */
export function errorState<R = undefined>(
  error: ApiError,
  values?: Record<string, string>,
): FormState<R> {
  // The API's own words are specific ("x@y is already a member of ofa"); ours are the fallback.
  let message = error.message || MESSAGES[error.code] || 'The Liaison API refused this.';
  if (error.status === 404 && error.message.startsWith('No route for')) {
    message = `The Liaison API does not offer this yet (${error.message}).`;
  } else if (error.code === 'unauthenticated' && MESSAGES.unauthenticated) {
    message = MESSAGES.unauthenticated;
  }
  return { status: 'error', code: error.code, message, values, at: Date.now() };
}

export function invalidState<R = undefined>(
  fieldErrors: Record<string, string>,
  values?: Record<string, string>,
): FormState<R> {
  return {
    status: 'error',
    code: 'invalid_input',
    message: 'Please correct the marked fields.',
    fieldErrors,
    values,
    at: Date.now(),
  };
}

export function successState<R = undefined>(message: string, result?: R): FormState<R> {
  return { status: 'success', message, result, at: Date.now() };
}

/** The text fields of a form, trimmed (files and repeated fields are ignored). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}
