import type { NotificationSettings, NotificationSettingsChange } from '@liaison/core';
import { getNotificationPreferences, type Pool, setNotificationPreferences } from '@liaison/db';
import type { RequestContext } from '../request-context.js';
import { requireUser } from '../require-user.js';

/** The caller's own notification choices (everything off until they opt in). */
export async function getNotificationSettings(
  pool: Pool,
  context: RequestContext,
): Promise<NotificationSettings> {
  const { userId } = requireUser(context.actor);
  return getNotificationPreferences(pool, userId);
}

export async function updateNotificationSettings(
  pool: Pool,
  context: RequestContext,
  settings: NotificationSettingsChange,
): Promise<NotificationSettings> {
  const { userId } = requireUser(context.actor);
  await setNotificationPreferences(pool, userId, settings);
  return getNotificationPreferences(pool, userId);
}
