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
    followDelivery: form.get('followDelivery') === 'daily' ? 'daily' : 'immediate',
  };
  const answer = await callApi<NotificationSettings>('/api/v1/me/notifications', {
    method: 'PUT',
    body: settings,
  });
  if (!answer.ok) return errorState(answer.error);
  revalidatePath('/account/notifications');
  const releases = answer.data.documentReleases
    ? 'you will get a mail when a document shared with your organization is released'
    : 'you will not get mails about releases';
  const follows =
    answer.data.followDelivery === 'daily'
      ? 'what you follow comes in one digest a day'
      : 'what you follow comes as it happens';
  return successState(`Saved: ${releases}; ${follows}.`);
}
