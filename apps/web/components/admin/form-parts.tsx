'use client';

import { SLUG_INPUT_PATTERN, SLUG_MAX_LENGTH } from '@liaison/core';
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
import { ChoiceOptions } from '../select-options';
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

/** Hidden inputs of the names and values in `fields`; one left undefined is not sent. */
export function HiddenFields({ fields }: { fields: Record<string, string | undefined> }) {
  return Object.entries(fields).map(([name, value]) =>
    value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
  );
}

/** A form's row of actions when its submit button is all there is to it. */
export function SubmitRow({ pendingText, children }: { pendingText: string; children: ReactNode }) {
  return (
    <div className={styles.actions}>
      <SubmitButton pendingText={pendingText}>{children}</SubmitButton>
    </div>
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

/** What ties a control to its label, hint and error. */
interface ControlProps {
  id: string;
  name: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled control with its hint and error below it, described by both. */
function Field({
  label,
  name,
  hint,
  error,
  optional,
  control,
}: FieldShell & { control: (props: ControlProps) => ReactNode }) {
  const base = useId();
  const id = `${base}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {optional && <span className={styles.optional}> (optional)</span>}
      </label>
      {control({
        id,
        name,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
      })}
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

/** A field component whose control `render` draws, given the props that tie it to its label. */
function fieldOf<Props>(render: (props: Props, control: ControlProps) => ReactNode) {
  return ({ label, name, hint, error, optional, ...props }: FieldShell & Props) => (
    <Field
      {...{ label, name, hint, error, optional }}
      control={(control) => render(props as Props, control)}
    />
  );
}

export const TextField = fieldOf<Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>>(
  (input, control) => <input type="text" {...input} {...control} className={styles.input} />,
);

export const TextAreaField = fieldOf<
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>
>((input, control) => <textarea {...input} {...control} className={styles.textarea} />);

export const SelectField = fieldOf<
  { options: readonly { value: string; label: string }[] } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'name' | 'id'
  >
>(({ options, ...select }, control) => (
  <select {...select} {...control} className={styles.select}>
    <ChoiceOptions options={options} />
  </select>
));

/** A permanent identifier of the portal's (an organization's or a register's slug). */
export function SlugField({ hint, ...bound }: FieldBinding & { hint: ReactNode }) {
  return (
    <TextField
      label="Identifier"
      required
      maxLength={SLUG_MAX_LENGTH}
      pattern={SLUG_INPUT_PATTERN}
      autoComplete="off"
      spellCheck={false}
      hint={hint}
      {...bound}
    />
  );
}

/** A field's name, the value it shows and its error: what `bindFields` hands each field. */
export interface FieldBinding {
  name: string;
  defaultValue?: string;
  error?: string;
}

/**
 * Binds fields to the form's last answer: each shows what was submitted when the form came back
 * with an error, else `initial`, and its own error.
 */
export function bindFields(state: FormState<unknown>) {
  const submitted = state.status === 'error' ? (state.values ?? {}) : {};
  return (name: string, initial?: string): FieldBinding => ({
    name,
    defaultValue: submitted[name] ?? initial,
    error: state.fieldErrors?.[name],
  });
}
