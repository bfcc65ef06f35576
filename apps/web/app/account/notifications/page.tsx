import type { NotificationSettings } from '@liaison/core';
import type { Metadata } from 'next';
import { NotificationSettingsForm } from '../../../components/account/notification-settings-form';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { callApi } from '../../../lib/api';
import { requireViewer } from '../../../lib/session';
import { saveNotificationSettings } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  await requireViewer('/account/notifications');
  const settings = await callApi<NotificationSettings>('/api/v1/me/notifications');
  return (
    <>
      <AdminPageHead title="Notifications">
        Mail about submissions (to their reviewers and submitters) and review reminders (to a
        register’s points of contact) always goes out. Release mails are yours to choose, and so is
        how mail about what you follow (see your account page) comes.
      </AdminPageHead>
      {settings.ok ? (
        <NotificationSettingsForm
          action={saveNotificationSettings}
          documentReleases={settings.data.documentReleases}
          followDelivery={settings.data.followDelivery}
        />
      ) : (
        <ApiErrorNotice
          error={settings.error}
          what="your notification settings"
          returnTo="/account/notifications"
        />
      )}
    </>
  );
}
