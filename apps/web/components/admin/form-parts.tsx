'use client';

import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
} from 'react';
import { useFormStatus } from 'react-dom';
import styles from './admin.module.css';
import type { FormState } from './form-state';

/** A submit button that says it is busy while its form's action runs. */
export function SubmitButton({
  children,
  pendingText,
  variant = 'primary',
  small = false,
  ...rest
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  small?: boolean;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children' | 'className'>) {
  const { pending } = useFormStatus();
  return (
    <button
      {...rest}
      type="submit"
      className={`${styles[variant]} ${small ? styles.small : ''}`}
      disabled={pending}
      aria-disabled={pending}
    >
      {pending ? (pendingText ?? 'Working…') : children}
    </button>
  );
}

/**
 * The outcome of the last submission, next to the form: errors are announced assertively and
 * receive focus so keyboard and screen-reader users land on them; successes politely.
 */
export function FormMessage({ state }: { state: FormState<unknown> }) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-focus on every new answer
  useEffect(() => {
    if (state.status === 'error') ref.current?.focus();
  }, [state.at, state.status]);
  if (state.status === 'idle' || !state.message) return null;
  const error = state.status === 'error';
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={error ? styles.error : styles.success}
      role={error ? 'alert' : 'status'}
    >
      <p>{state.message}</p>
    </div>
  );
}

interface FieldShell {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

function useFieldIds(name: string, hint: unknown, error: unknown) {
  const base = useId();
  const id = `${base}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Shell({
  id,
  label,
  optional,
  hint,
  hintId,
  error,
  errorId,
  children,
}: {
  id: string;
  label: ReactNode;
  optional?: boolean;
  hint?: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {optional && <span className={styles.optional}> (optional)</span>}
      </label>
      {children}
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className={styles.fieldError} id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  name,
  hint,
  error,
  optional,
  ...input
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const ids = useFieldIds(name, hint, error);
  return (
    <Shell label={label} optional={optional} hint={hint} error={error} {...ids}>
      <input
        type="text"
        {...input}
        id={ids.id}
        name={name}
        className={styles.input}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
      />
    </Shell>
  );
}

export function TextAreaField({
  label,
  name,
  hint,
  error,
  optional,
  ...input
}: FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  const ids = useFieldIds(name, hint, error);
  return (
    <Shell label={label} optional={optional} hint={hint} error={error} {...ids}>
      <textarea
        {...input}
        id={ids.id}
        name={name}
        className={styles.textarea}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
      />
    </Shell>
  );
}

export function SelectField({
  label,
  name,
  hint,
  error,
  optional,
  options,
  ...select
}: FieldShell & {
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const ids = useFieldIds(name, hint, error);
  return (
    <Shell label={label} optional={optional} hint={hint} error={error} {...ids}>
      <select
        {...select}
        id={ids.id}
        name={name}
        className={styles.select}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}
