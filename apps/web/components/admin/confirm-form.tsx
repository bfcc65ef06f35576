'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import styles from './admin.module.css';
import { FormMessage, HiddenFields, SubmitButton } from './form-parts';
import { type FormAction, IDLE } from './form-state';

/**
 * The confirmation step of a destructive action, as a plain form (works without JavaScript and
 * with the keyboard): the action redirects on success and reports errors here.
 */
export function ConfirmForm({
  action,
  fields,
  confirmLabel,
  pendingText,
  cancelHref,
}: {
  action: FormAction;
  fields: Record<string, string>;
  confirmLabel: string;
  pendingText: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={styles.form}>
      <FormMessage state={state} />
      <HiddenFields fields={fields} />
      <div className={styles.actions}>
        <SubmitButton variant="danger" pendingText={pendingText}>
          {confirmLabel}
        </SubmitButton>
        <Link className={styles.linkButton} href={cancelHref}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
