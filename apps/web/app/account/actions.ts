'use server';

import { revalidatePath } from 'next/cache';
import {
  errorState,
  type FormState,
  invalidState,
  successState,
} from '../../components/admin/form-state';
import { fromApi } from '../../lib/api';
import { newPasswordProblems } from '../../lib/new-password';
import { renameViewerInSession } from '../../lib/session';

export async function saveProfile(_previous: FormState, form: FormData): Promise<FormState> {
  const name = String(form.get('name') ?? '');
  const answer = await fromApi((client) => client.updateProfile({ name }), {
    requireSession: true,
  });
  if (!answer.ok) return errorState(answer.error, { name });
  await renameViewerInSession(answer.data.name);
  revalidatePath('/', 'layout');
  return successState(`Saved: you are ${answer.data.name}.`);
}

export async function changePassword(_previous: FormState, form: FormData): Promise<FormState> {
  const currentPassword = String(form.get('currentPassword') ?? '');
  const newPassword = String(form.get('newPassword') ?? '');
  const problems = newPasswordProblems(form, 'newPassword');
  if (Object.keys(problems).length > 0) return invalidState(problems);
  const answer = await fromApi(
    (client) => client.changePassword({ currentPassword, newPassword }),
    {
      requireSession: true,
    },
  );
  if (!answer.ok) return errorState(answer.error);
  const others = answer.data.signedOutSessions;
  return successState(
    others === 0
      ? 'Password changed.'
      : `Password changed. ${others === 1 ? 'One other session was' : `${others} other sessions were`} signed out.`,
  );
}
