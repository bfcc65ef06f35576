import { MIN_PASSWORD_LENGTH, PASSWORD_MAX_LENGTH } from '@liaison/core';

/**
 * The problems with a new password typed twice (fields `name` and `confirmPassword`), by field, as
 * the forms show them; empty when it may be sent. The API checks the length again.
 */
export function newPasswordProblems(form: FormData, name: string): Record<string, string> {
  const password = form.get(name);
  const value = typeof password === 'string' ? password : '';
  if (value.length < MIN_PASSWORD_LENGTH || value.length > PASSWORD_MAX_LENGTH)
    return { [name]: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (form.get('confirmPassword') !== value)
    return { confirmPassword: 'The two passwords differ.' };
  return {};
}
