'use client';

import { WITHDRAWAL_REASON_MAX_LENGTH } from '@liaison/core';
import { type ReactNode, useActionState, useEffect, useId, useRef } from 'react';
import { type ActionState, IDLE } from '../app/documents/action-state';
import { DialogFooter } from './dialog-footer';

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
 * A button that asks before doing something that cannot be taken back. A native modal <dialog>:
 * focus moves into it (to Cancel, or to the reason field), stays there, and Escape closes it.
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
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  const reasonId = `${id}-reason`;
  const errorId = `${id}-error`;

  useEffect(() => {
    if (state.status === 'error')
      dialog.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [state]);

  const size = small ? ' button--small' : '';
  return (
    <>
      <button
        type="button"
        className={`button ${tone === 'danger' ? 'button--danger-outline' : 'button--secondary'}${size}`}
        onClick={() => dialog.current?.showModal()}
        aria-haspopup="dialog"
      >
        {trigger}
        {triggerContext && <span className="visually-hidden"> {triggerContext}</span>}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
        <form action={formAction} className="dialog__form">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <div id={bodyId} className="dialog__body">
            {children}
          </div>
          {reason && (
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
          )}
          <DialogFooter
            dialog={dialog}
            error={state.status === 'error' ? (state.message ?? '') : undefined}
            errorId={errorId}
            tone={tone}
            pending={pending}
            label={confirmLabel}
          />
        </form>
      </dialog>
    </>
  );
}
