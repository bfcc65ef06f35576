'use client';

import { type ReactNode, useActionState } from 'react';
import { type ActionState, IDLE } from '../../app/documents/action-state';

/** A small form posting to a Server Action, with the refusal shown next to its button. */
export function ActionForm({
  action,
  submitLabel,
  children,
  className = 'form',
  label,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form className={className} action={formAction} aria-label={label} aria-busy={pending}>
      {children}
      {state.status === 'error' && (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
