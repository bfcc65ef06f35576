'use client';

import { useActionState } from 'react';
import styles from '../admin/admin.module.css';
import { FormMessage, SubmitRow } from '../admin/form-parts';
import { type FormAction, type FormState, IDLE } from '../admin/form-state';

/**
 * The opt-in for release mails and how mail about what one follows comes, saved by a server
 * action (works without JS).
 */
export function NotificationSettingsForm({
  action,
  documentReleases,
  followDelivery,
}: {
  action: FormAction;
  documentReleases: boolean;
  followDelivery: 'immediate' | 'daily';
}) {
  const [state, formAction] = useActionState(action, IDLE as FormState);
  return (
    <form action={formAction} className={styles.form} aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">E-mail</h2>
      <FormMessage state={state} />
      <fieldset className={styles.fieldset}>
        <legend>Tell me by e-mail</legend>
        <label className={styles.choice}>
          <input type="checkbox" name="documentReleases" defaultChecked={documentReleases} />
          <span>
            when a document shared under a work register of one of my organizations is released to
            the public
          </span>
        </label>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Mail about what I follow</legend>
        <label className={styles.choice}>
          <input
            type="radio"
            name="followDelivery"
            value="immediate"
            defaultChecked={followDelivery === 'immediate'}
          />
          <span>one mail for each new version, share or release, as it happens</span>
        </label>
        <label className={styles.choice}>
          <input
            type="radio"
            name="followDelivery"
            value="daily"
            defaultChecked={followDelivery === 'daily'}
          />
          <span>one digest a day (sent at midnight UTC)</span>
        </label>
      </fieldset>
      <SubmitRow pendingText="Saving…">Save</SubmitRow>
    </form>
  );
}
