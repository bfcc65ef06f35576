'use client';

import { WITHDRAWAL_REASON_MAX_LENGTH } from '@liaison/core';
import { type ReactNode, useActionState, useId } from 'react';
import { type ActionState, IDLE } from '../app/documents/action-state';
import { ConfirmDialog } from './confirm-dialog';

export interface ConfirmActionProps {
  /** A Server Action with its ids bound. */
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** The button that opens the dialog. */
  trigger: ReactNode;
  /** Extra words for screen readers on the trigger, e.g. "version 1.2.0". */
  triggerContext?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  /** Ask for a reason (withdrawing a version). */
  reason?: boolean;
  small?: boolean;
}

/**
 * A button that asks, in a ConfirmDialog, before doing something that cannot be taken back; for
 * withdrawing a version it asks the reason too.
 */
export function ConfirmAction({
  action,
  trigger,
  triggerContext,
  title,
  children,
  confirmLabel,
  tone = 'danger',
  reason = false,
  small = false,
}: ConfirmActionProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const reasonId = `${id}-reason`;
  const errorId = `${id}-error`;

  const size = small ? ' button--small' : '';
  return (
    <ConfirmDialog
      form={{ id, state, formAction, pending }}
      trigger={
        <>
          {trigger}
          {triggerContext && <span className="visually-hidden"> {triggerContext}</span>}
        </>
      }
      triggerClassName={`button ${tone === 'danger' ? 'button--danger-outline' : 'button--secondary'}${size}`}
      title={title}
      tone={tone}
      label={confirmLabel}
      fields={
        reason && (
          <div className="field">
            <label htmlFor={reasonId}>Reason</label>
            <textarea
              id={reasonId}
              name="reason"
              rows={3}
              maxLength={WITHDRAWAL_REASON_MAX_LENGTH}
              required
              aria-required="true"
              aria-invalid={state.fieldErrors?.reason ? true : undefined}
              aria-describedby={state.fieldErrors?.reason ? errorId : `${reasonId}-hint`}
            />
            <p id={`${reasonId}-hint`} className="field__hint">
              Shown to everyone who can see the document, next to the withdrawn version.
            </p>
          </div>
        )
      }
    >
      {children}
    </ConfirmDialog>
  );
}
