'use client';

import { DECISION_REASON_MAX_LENGTH } from '@liaison/core';
import { type ReactNode, useActionState, useEffect, useId, useRef } from 'react';
import { IDLE, type SubmissionActionState } from '../../app/submissions/action-state';
import { DialogFooter } from '../dialog-footer';

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
 * A decision on a submission (start review, accept, decline, withdraw), asked for in a native
 * modal <dialog> with a reason field: focus moves into it, stays there, and Escape closes it.
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
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const reasonError = state.fieldErrors?.reason;

  useEffect(() => {
    if (state.status === 'error')
      dialog.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [state]);

  return (
    <>
      <button
        type="button"
        className={`button ${tone === 'danger' ? 'button--danger-outline' : ''}`}
        onClick={() => dialog.current?.showModal()}
        aria-haspopup="dialog"
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
      >
        <form action={formAction} className="dialog__form" noValidate>
          <h2 id={`${id}-title`} className="dialog__title">
            {title}
          </h2>
          <div id={`${id}-body`} className="dialog__body">
            {children}
          </div>
          {!noReason && (
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
          )}
          <DialogFooter
            dialog={dialog}
            error={state.status === 'error' ? (state.message ?? '') : undefined}
            errorId={`${id}-error`}
            tone={tone}
            pending={pending}
            label={label}
          />
        </form>
      </dialog>
    </>
  );
}
