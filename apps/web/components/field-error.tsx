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
