'use client';

import { SUBMISSION_COMMENT_MAX_LENGTH } from '@liaison/core';
import { useActionState, useEffect, useId, useRef } from 'react';
import { IDLE, type SubmissionActionState } from '../../app/submissions/action-state';
import { FormFooter } from '../form-footer';

export function CommentForm({
  action,
  hint,
}: {
  action: (state: SubmissionActionState, form: FormData) => Promise<SubmissionActionState>;
  /** Who will read it: "The DMTF reviewers and the submitter read comments." */
  hint: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const error = state.status === 'error' ? state.message : undefined;

  useEffect(() => {
    if (state.status === 'error') field.current?.focus();
  }, [state]);

  return (
    <form action={formAction} className="form comment-form">
      <div className="field">
        <label htmlFor={`${id}-body`}>Add a comment</label>
        <textarea
          ref={field}
          id={`${id}-body`}
          name="body"
          rows={4}
          maxLength={SUBMISSION_COMMENT_MAX_LENGTH}
          required
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
        {error && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <FormFooter pending={pending} submitLabel="Post comment" pendingLabel="Posting…" />
    </form>
  );
}
