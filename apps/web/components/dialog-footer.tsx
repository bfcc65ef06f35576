'use client';

import type { RefObject } from 'react';

/**
 * The foot of a confirming <dialog>: the action's refusal (focused when it comes, as an alert),
 * then Cancel, which closes the dialog, and the button that submits its form.
 */
export function DialogFooter({
  dialog,
  error,
  errorId,
  tone,
  pending,
  label,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  /** What the action answered when it failed. */
  error: string | undefined;
  errorId: string;
  tone: 'primary' | 'danger';
  pending: boolean;
  label: string;
}) {
  return (
    <>
      {error !== undefined && (
        <p id={errorId} className="form-error" role="alert" tabIndex={-1}>
          {error}
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
    </>
  );
}
