'use server';

import { type FormState, formValues, invalidState } from '../../../components/admin/form-state';
import { callApiThenRedirect } from '../../../lib/call-then-redirect';
import { formText } from '../../../lib/form-text';
import {
  createRegisterBody,
  type RegisterFields,
  readRegisterForm,
  registerChanges,
} from '../../../lib/register-form';

/** The submitted values, with each ticked party as `party@<slug>` (the form re-ticks them). */
function submitted(form: FormData): Record<string, string> {
  const values = formValues(form);
  delete values.party;
  for (const party of form.getAll('party')) {
    if (typeof party === 'string') values[`party@${party}`] = 'on';
  }
  return values;
}

export async function createRegister(_previous: FormState, form: FormData): Promise<FormState> {
  const values = submitted(form);
  const read = readRegisterForm(form);
  if (!read.ok) return invalidState(read.problems, values);
  return callApiThenRedirect(
    '/api/v1/registers',
    { method: 'POST', body: createRegisterBody(read.fields) },
    {
      refresh: ['/admin/registers', '/registers'],
      // Back to the list, which confirms the new register and links to its edit page.
      redirectTo: `/admin/registers?created=${encodeURIComponent(read.fields.slug)}`,
      values,
    },
  );
}

export async function updateRegister(_previous: FormState, form: FormData): Promise<FormState> {
  const values = submitted(form);
  const read = readRegisterForm(form);
  if (!read.ok) return invalidState(read.problems, values);
  let original: Omit<RegisterFields, 'slug'>;
  try {
    original = JSON.parse(formText(form, 'original')) as Omit<RegisterFields, 'slug'>;
  } catch {
    return invalidState({ title: 'The form is damaged; reload the page.' }, values);
  }
  const changes = registerChanges(original, read.fields);
  if (Object.keys(changes).length === 0) {
    return { status: 'success', message: 'Nothing changed.', values, at: Date.now() };
  }
  const slug = read.fields.slug;
  return callApiThenRedirect(
    `/api/v1/registers/${encodeURIComponent(slug)}`,
    { method: 'PATCH', body: changes },
    {
      refresh: ['/admin/registers', `/registers/${slug}`],
      redirectTo: `/admin/registers/${slug}?saved=1`,
      values,
    },
  );
}
