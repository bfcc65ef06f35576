'use server';

import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  API_TOKEN_NAME_MAX_LENGTH,
} from '@liaison/core';
import { revalidatePath } from 'next/cache';
import {
  errorState,
  type FormState,
  formValues,
  invalidState,
  successState,
} from '../../../components/admin/form-state';
import { callApi } from '../../../lib/api';
import { callApiThenRedirect } from '../../../lib/call-then-redirect';
import { tooLong } from '../../../lib/field-rules';
import { formText } from '../../../lib/form-text';
import { isUuid } from '../../../lib/proxy';

export interface CreatedToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  token: string;
}

export async function createToken(
  _previous: FormState<CreatedToken>,
  form: FormData,
): Promise<FormState<CreatedToken>> {
  const values = formValues(form);
  const name = formText(form, 'name');
  const days = Number(formText(form, 'expiresInDays') || API_TOKEN_DEFAULT_DAYS);
  const problems: Record<string, string> = {};
  if (!name) problems.name = 'Give the token a name, e.g. the script or machine that uses it.';
  else tooLong(problems, 'name', name, API_TOKEN_NAME_MAX_LENGTH);
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) {
    problems.expiresInDays = `Choose between 1 and ${API_TOKEN_MAX_DAYS} days.`;
  }
  if (Object.keys(problems).length > 0) return invalidState(problems, values);

  const answer = await callApi<CreatedToken>('/api/v1/tokens', {
    method: 'POST',
    body: { name, expiresInDays: days },
  });
  if (!answer.ok) return errorState(answer.error, values);
  revalidatePath('/admin/tokens');
  revalidatePath('/admin');
  return successState(`Token “${answer.data.name}” created.`, answer.data);
}

export async function revokeToken(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, 'id');
  const returnTo = formText(form, 'returnTo') === '/admin' ? '/admin' : '/admin/tokens';
  if (!isUuid(id)) return invalidState({ id: 'Unknown token.' });
  return callApiThenRedirect(
    `/api/v1/tokens/${id}`,
    { method: 'DELETE' },
    {
      refresh: ['/admin/tokens', '/admin'],
      redirectTo: `${returnTo}?revoked=${encodeURIComponent(formText(form, 'name') || 'token')}`,
    },
  );
}
