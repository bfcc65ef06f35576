'use client';

import { DECISION_REASON_MAX_LENGTH } from '@liaison/core';
import { type ReactNode, useActionState, useId } from 'react';
import { IDLE, type SubmissionActionState } from '../../app/submissions/action-state';
import { ConfirmDialog } from '../confirm-dialog';

export interface DecisionButtonProps {
  /** A Server Action with the submission and the target state bound. */
  action: (state: SubmissionActionState, form: FormData) => Promise<SubmissionActionState>;
  label: string;
  title: string;
  children: ReactNode;
  tone: 'primary' | 'danger';
  reasonRequired: boolean;
  /** Ask for no reason at all (a confirmation only). */
  noReason?: boolean;
  reasonLabel?: string;
  reasonMaxLength?: number;
  /** Where the reason is read, under its field. */
  reasonHint?: string;
}

/**
 * A decision on a submission (start review, accept, decline, withdraw), asked for in a
 * ConfirmDialog with a reason field.
 */
export function DecisionButton({
  action,
  label,
  title,
  children,
  tone,
  reasonRequired,
  noReason = false,
  reasonLabel = 'Reason',
  reasonMaxLength = DECISION_REASON_MAX_LENGTH,
  reasonHint = 'Recorded in the submission’s history, where both sides read it.',
}: DecisionButtonProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const reasonError = state.fieldErrors?.reason;

  return (
    <ConfirmDialog
      form={{ id, state, formAction, pending }}
      trigger={label}
      triggerClassName={`button ${tone === 'danger' ? 'button--danger-outline' : ''}`}
      title={title}
      tone={tone}
      label={label}
      noValidate
      fields={
        !noReason && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              {reasonLabel}
              {!reasonRequired && <span className="field__optional"> (optional)</span>}
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={4}
              maxLength={reasonMaxLength}
              required={reasonRequired}
              aria-required={reasonRequired}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${id}-hint${reasonError ? ` ${id}-error` : ''}`}
            />
            <p id={`${id}-hint`} className="field__hint">
              {reasonHint}
            </p>
          </div>
        )
      }
    >
      {children}
    </ConfirmDialog>
  );
}
