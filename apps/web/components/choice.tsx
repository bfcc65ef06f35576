import type { InputHTMLAttributes, ReactNode } from 'react';

/** One radio button or checkbox of a choice list: the input, its label and an optional hint. */
export function Choice({
  label,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode }) {
  return (
    <label className="choice">
      <input {...input} />
      <span className="choice__label">{label}</span>
      {hint && <span className="choice__hint">{hint}</span>}
    </label>
  );
}
