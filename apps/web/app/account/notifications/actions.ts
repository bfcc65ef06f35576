'use server';

import type { NotificationSettings, NotificationSettingsChange } from '@liaison/core';
import { revalidatePath } from 'next/cache';
import { errorState, type FormState, successState } from '../../../components/admin/form-state';
import { callApi } from '../../../lib/api';

export async function saveNotificationSettings(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const settings: NotificationSettingsChange = {
    documentReleases: form.get('documentReleases') === 'on',
  };
  const answer = await callApi<NotificationSettings>('/api/v1/me/notifications', {
    method: 'PUT',
    body: settings,
  });
  if (!answer.ok) return errorState(answer.error);
  revalidatePath('/account/notifications');
  return successState(
    answer.data.documentReleases
      ? 'Saved: you will get a mail when a document shared with your organization is released.'
      : 'Saved: you will not get mails about releases.',
  );
}
