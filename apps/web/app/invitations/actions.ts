'use server';

// Accepting an invitation. The API decides everything (the token is the credential, the invited
// address must match the signed-in account); what is checked here only gives clearer messages.

import { isLinkToken, isSlug, PERSON_NAME_MAX_LENGTH } from '@liaison/core';
import { redirect } from 'next/navigation';
import {
  errorState,
  type FormState,
  formValues,
  invalidState,
} from '../../components/admin/form-state';
import { fromApi } from '../../lib/api';
import { formText } from '../../lib/form-text';
import { newPasswordProblems } from '../../lib/new-password';

/** Accepts as the signed-in account the invitation is for; then on to the organization's work. */
export async function acceptAsMember(_previous: FormState, form: FormData): Promise<FormState> {
  const token = formText(form, 'token');
  if (!isLinkToken(token)) return invalidState({ token: 'This invitation link is not valid.' });
  const answer = await fromApi((client) => client.acceptInvitation(token), {
    requireSession: true,
  });
  if (!answer.ok) return errorState(answer.error);
  redirect('/workspace');
}

/**
 * Creates the account the invitation is for, with the name and password given, and makes it a
 * member; then to the organization's sign-in with the new password.
 */
export async function acceptWithNewAccount(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const values = formValues(form);
  delete values.password;
  delete values.confirmPassword;
  const token = formText(form, 'token');
  const name = formText(form, 'name');
  const password = String(form.get('password') ?? '');
  const problems: Record<string, string> = newPasswordProblems(form, 'password');
  if (!isLinkToken(token)) problems.token = 'This invitation link is not valid.';
  if (name.length === 0 || name.length > PERSON_NAME_MAX_LENGTH)
    problems.name = `Enter your name (at most ${PERSON_NAME_MAX_LENGTH} characters).`;
  if (Object.keys(problems).length > 0) return invalidState(problems, values);

  const answer = await fromApi(
    (client) => client.acceptInvitation(token, { name, password }),
    // The account does not exist yet: whoever is signed in in this browser is not the one accepting.
    { token: null },
  );
  if (!answer.ok) return errorState(answer.error, values);
  const organization = isSlug(answer.data.organization) ? answer.data.organization : '';
  redirect(
    `/login${organization ? `/${organization}` : ''}?${new URLSearchParams({ callbackUrl: '/workspace' })}`,
  );
}
