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

/** Radio buttons of which the one with `value` is checked; choosing one calls `onChange`. */
export function RadioChoices<V extends string>({
  name,
  choices,
  value,
  onChange,
}: {
  name: string;
  choices: readonly { value: V; label: ReactNode; hint?: ReactNode }[];
  value: V | null;
  onChange: (value: V) => void;
}) {
  return choices.map((choice) => (
    <Choice
      key={choice.value}
      type="radio"
      name={name}
      value={choice.value}
      checked={value === choice.value}
      onChange={() => onChange(choice.value)}
      label={choice.label}
      hint={choice.hint}
    />
  ));
}
