'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '../../../components/admin/form-parts';
import { type FormState, IDLE } from '../../../components/admin/form-state';

/**
 * One button: opening the link changes nothing (mail scanners open links), the click does.
 */
export function UnfollowForm({ action }: { action: (previous: FormState) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, IDLE as FormState);
  return (
    <form action={formAction} className="form">
      <FormMessage state={state} />
      {state.status !== 'success' && (
        <div className="form__actions">
          <SubmitButton pendingText="Unfollowing…">Stop following</SubmitButton>
        </div>
      )}
    </form>
  );
}
