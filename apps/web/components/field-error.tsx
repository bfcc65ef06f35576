import type { ReactNode } from 'react';

/** Problems with a form's fields, by field name, as an action answers them. */
type FieldErrors<Name extends string> = Partial<Record<Name, string>>;

/**
 * The aria-describedby of field `name` of the form with id `formId`: its hint, where it has one,
 * and its error, where it shows one.
 */
export function describedBy<Name extends string>(
  formId: string,
  errors: FieldErrors<Name>,
  name: Name,
  hint = false,
): string | undefined {
  return (
    [hint ? `${formId}-${name}-hint` : '', errors[name] ? `${formId}-${name}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

/** The error of field `name`, under it, where it has one (the id `describedBy` names). */
export function FieldError<Name extends string>({
  formId,
  errors,
  name,
}: {
  formId: string;
  errors: FieldErrors<Name>;
  name: Name;
}) {
  return errors[name] ? (
    <p id={`${formId}-${name}-error`} className="field__error">
      {errors[name]}
    </p>
  ) : null;
}

/**
 * What field `name`'s control says about itself: its id (which the field's label names), whether
 * it is invalid, and the hint and error that describe it.
 */
export function fieldControl<Name extends string>(
  formId: string,
  errors: FieldErrors<Name>,
  name: Name,
  hint = false,
) {
  return {
    id: `${formId}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(formId, errors, name, hint),
  } as const;
}

/**
 * A form's field `name`: its label (saying whether it is optional), its control (`children`, given `fieldControl`'s ids), its hint
 * where it has one, and its error where it shows one.
 */
export function FormField<Name extends string>({
  formId,
  errors,
  name,
  label,
  optional = false,
  hint,
  children,
}: {
  formId: string;
  errors: FieldErrors<Name>;
  name: Name;
  label: string;
  /** The label then says "(optional)". */
  optional?: boolean;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field" data-field={name}>
      <label htmlFor={`${formId}-${name}`}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {children}
      {hint && (
        <p id={`${formId}-${name}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError formId={formId} errors={errors} name={name} />
    </div>
  );
}
