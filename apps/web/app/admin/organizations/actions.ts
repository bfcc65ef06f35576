'use server';

import {
  IPR_POLICY_MAX_LENGTH,
  IPR_POLICY_URL_MAX_LENGTH,
  IPR_POLICY_URL_PATTERN,
  isSlug,
  ORGANIZATION_DESCRIPTION_MAX_LENGTH,
  ORGANIZATION_NAME_MAX_LENGTH,
} from '@liaison/core';
import { type FormState, formValues, invalidState } from '../../../components/admin/form-state';
import { callApiThenRedirect } from '../../../lib/call-then-redirect';
import { tooLong } from '../../../lib/field-rules';
import { formText } from '../../../lib/form-text';

function checkCommon(form: FormData, problems: Record<string, string>) {
  const name = formText(form, 'name');
  if (!name) problems.name = 'Enter the organization’s name.';
  else tooLong(problems, 'name', name, ORGANIZATION_NAME_MAX_LENGTH);
  tooLong(
    problems,
    'description',
    formText(form, 'description'),
    ORGANIZATION_DESCRIPTION_MAX_LENGTH,
  );
  tooLong(problems, 'iprPolicy', formText(form, 'iprPolicy'), IPR_POLICY_MAX_LENGTH);
  const url = formText(form, 'iprPolicyUrl');
  if (
    url &&
    (!new RegExp(IPR_POLICY_URL_PATTERN).test(url) || url.length > IPR_POLICY_URL_MAX_LENGTH)
  )
    problems.iprPolicyUrl = 'An https:// address, or nothing.';
}

export async function createOrganization(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const slug = formText(form, 'slug').toLowerCase();
  const problems: Record<string, string> = {};
  if (!isSlug(slug)) {
    problems.slug = 'Lowercase letters, digits and hyphens, starting with a letter or digit.';
  }
  checkCommon(form, problems);
  if (Object.keys(problems).length > 0) return invalidState(problems, values);

  const description = formText(form, 'description');
  const iprPolicy = formText(form, 'iprPolicy');
  return callApiThenRedirect(
    '/api/v1/organizations',
    {
      method: 'POST',
      body: {
        slug,
        name: formText(form, 'name'),
        ...(description ? { description } : {}),
        ...(iprPolicy ? { iprPolicy } : {}),
        ...(formText(form, 'iprPolicyUrl') ? { iprPolicyUrl: formText(form, 'iprPolicyUrl') } : {}),
      },
    },
    {
      refresh: ['/admin/organizations'],
      redirectTo: `/admin/organizations/${slug}?created=1`,
      values,
    },
  );
}

/**
 * Sends only what changed: the form carries the values it was rendered with (`original.*`), so
 * a field the API did not disclose (left empty) is not wiped by accident.
 */
export async function updateOrganization(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const slug = formText(form, 'slug');
  if (!isSlug(slug)) return invalidState({ name: 'Unknown organization.' }, values);
  const problems: Record<string, string> = {};
  checkCommon(form, problems);
  const passwordLogin = formText(form, 'passwordLogin');
  if (!['', 'keep', 'allowed', 'disabled'].includes(passwordLogin)) {
    problems.passwordLogin = 'Choose whether members may sign in with a password.';
  }
  if (Object.keys(problems).length > 0) return invalidState(problems, values);

  const changes: Record<string, string | boolean> = {};
  for (const field of ['name', 'description', 'iprPolicy', 'iprPolicyUrl'] as const) {
    const value = formText(form, field);
    if (value !== formText(form, `original.${field}`)) changes[field] = value;
  }
  // With no known IPR policy, an empty field means "leave it", not "erase it".
  if (changes.iprPolicy === '' && formText(form, 'original.iprPolicyKnown') !== 'yes') {
    delete changes.iprPolicy;
  }
  if (passwordLogin === 'allowed' || passwordLogin === 'disabled') {
    const wanted = passwordLogin === 'allowed';
    if (String(wanted) !== formText(form, 'original.passwordLogin')) changes.passwordLogin = wanted;
  }
  if (Object.keys(changes).length === 0) {
    return { status: 'success', message: 'Nothing changed.', values, at: Date.now() };
  }

  return callApiThenRedirect(
    `/api/v1/organizations/${encodeURIComponent(slug)}`,
    { method: 'PATCH', body: changes },
    {
      refresh: ['/admin/organizations', `/admin/organizations/${slug}`],
      redirectTo: `/admin/organizations/${slug}?saved=1`,
      values,
    },
  );
}
