import type { CaughtMailList } from '@liaison/core';
import type { Metadata } from 'next';
import styles from '../../../components/admin/admin.module.css';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ApiErrorNotice } from '../../../components/admin/api-error-notice';
import { OperatorOnly } from '../../../components/admin/operator-only';
import { DateTime } from '../../../components/register/dates';
import { callApi } from '../../../lib/api';
import { requireViewer } from '../../../lib/session';
import mailStyles from './mail.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Mail' };

/** Demo mode: the mails the portal sent, as its local mail catcher received them. */
export default async function MailPage() {
  const viewer = await requireViewer('/admin/mail');
  if (!viewer.operator) return <OperatorOnly title="Mail" />;
  const mail = await callApi<CaughtMailList>('/api/v1/mail-catcher/messages', {
    query: { limit: 200 },
  });

  return (
    <>
      <AdminPageHead title="Mail">
        In demo mode the portal delivers its e-mail to a mail catcher of its own instead of a mail
        server: nothing leaves this machine. These are the mails it received, newest first. Times
        are in UTC.
      </AdminPageHead>
      {!mail.ok ? (
        mail.error.status === 404 && !mail.error.message.startsWith('No route for') ? (
          <div className={styles.info}>
            <p>
              The mail catcher is off: this portal sends its mail to a real mail server (SMTP_URL).
              The catcher runs in demo mode (<code>npm start</code> with the embedded stack, or{' '}
              <code>MAIL_CATCHER=1</code>).
            </p>
          </div>
        ) : (
          <ApiErrorNotice error={mail.error} what="the caught mail" returnTo="/admin/mail" />
        )
      ) : mail.data.items.length === 0 ? (
        <div className={styles.info}>
          <p>No mail yet. Queued mail is delivered within moments of the event that wrote it.</p>
        </div>
      ) : (
        mail.data.items.map((message) => (
          <article key={message.id} className={styles.panel} aria-labelledby={`mail-${message.id}`}>
            <h2 id={`mail-${message.id}`}>{message.subject || '(no subject)'}</h2>
            <p className={mailStyles.meta}>
              To {message.to.join(', ')} · from {message.from} ·{' '}
              <DateTime value={message.receivedAt} />
            </p>
            <pre className={mailStyles.text}>{message.text}</pre>
          </article>
        ))
      )}
    </>
  );
}
