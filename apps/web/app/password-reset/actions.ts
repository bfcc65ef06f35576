'use server';

import {
  errorState,
  type FormState,
  invalidState,
  successState,
} from '../../components/admin/form-state';
import { fromApi } from '../../lib/api';
import { newPasswordProblems } from '../../lib/new-password';

export async function requestPasswordReset(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const email = String(form.get('email') ?? '');
  const answer = await fromApi((client) => client.requestPasswordReset(email), { token: null });
  if (!answer.ok) return errorState(answer.error, { email });
  return successState(answer.data.message);
}

export async function resetPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  const problems = newPasswordProblems(form, 'password');
  if (Object.keys(problems).length > 0) return invalidState(problems);
  const answer = await fromApi((client) => client.resetPassword(token, password), { token: null });
  if (!answer.ok) return errorState(answer.error);
  return successState(
    'Your new password is set, and you are signed out everywhere. Sign in with it now.',
  );
}
