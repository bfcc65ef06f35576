'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The form of a ConfirmDialog: its id (which the dialog's ids are made of, the refusal's being
 * `${id}-error`), the useActionState of the action it posts to.
 */
interface ConfirmForm {
  id: string;
  state: { status: string; message?: string };
  formAction: (form: FormData) => void;
  pending: boolean;
}

/**
 * A button that opens a native modal <dialog> asking before an action: focus moves into it,
 * stays there, and Escape closes it. Its form holds the question (`children`, the dialog's
 * description), any `fields`, the action's refusal (focused when it comes, as an alert), then
 * Cancel, which closes the dialog, and the button that submits the form.
 */
export function ConfirmDialog({
  form: { id, state, formAction, pending },
  trigger,
  triggerClassName,
  title,
  children,
  fields,
  tone,
  label,
  noValidate = false,
}: {
  form: ConfirmForm;
  /** What the button that opens the dialog says. */
  trigger: ReactNode;
  triggerClassName: string;
  title: string;
  children: ReactNode;
  fields?: ReactNode;
  tone: 'primary' | 'danger';
  /** The submit button's words. */
  label: string;
  noValidate?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (state.status === 'error')
      dialog.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [state]);

  return (
    <>
      <button
        type="button"
        className={triggerClassName}
        onClick={() => dialog.current?.showModal()}
        aria-haspopup="dialog"
      >
        {trigger}
      </button>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
      >
        <form action={formAction} className="dialog__form" noValidate={noValidate}>
          <h2 id={`${id}-title`} className="dialog__title">
            {title}
          </h2>
          <div id={`${id}-body`} className="dialog__body">
            {children}
          </div>
          {fields}
          {state.status === 'error' && (
            <p id={`${id}-error`} className="form-error" role="alert" tabIndex={-1}>
              {state.message ?? ''}
            </p>
          )}
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => dialog.current?.close()}
            >
              Cancel
            </button>
            <button
              type="submit"
              className={`button ${tone === 'danger' ? 'button--danger' : ''}`}
              disabled={pending}
              aria-disabled={pending}
            >
              {pending ? 'Working…' : label}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
