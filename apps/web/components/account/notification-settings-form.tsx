'use client';

import { useActionState } from 'react';
import styles from '../admin/admin.module.css';
import { FormMessage, SubmitRow } from '../admin/form-parts';
import { type FormAction, type FormState, IDLE } from '../admin/form-state';

/** The ways mail about what one follows can come. */
const FOLLOW_DELIVERIES = [
  { value: 'immediate', label: 'one mail for each new version, share or release, as it happens' },
  { value: 'daily', label: 'one digest a day (sent at midnight UTC)' },
] as const;

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
        {FOLLOW_DELIVERIES.map(({ value, label }) => (
          <label key={value} className={styles.choice}>
            <input
              type="radio"
              name="followDelivery"
              value={value}
              defaultChecked={followDelivery === value}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <SubmitRow pendingText="Saving…">Save</SubmitRow>
    </form>
  );
}
