import type { SubmissionFieldErrors } from '../../lib/submission-rules';

type FieldName = keyof SubmissionFieldErrors;

/** The aria-describedby of a field of the form with id `formId`: its hint and its error. */
export function describedBy(
  formId: string,
  errors: SubmissionFieldErrors,
  name: FieldName,
  hint = false,
): string | undefined {
  return (
    [hint ? `${formId}-${name}-hint` : '', errors[name] ? `${formId}-${name}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export function FieldError({
  formId,
  errors,
  name,
}: {
  formId: string;
  errors: SubmissionFieldErrors;
  name: FieldName;
}) {
  return errors[name] ? (
    <p id={`${formId}-${name}-error`} className="field__error">
      {errors[name]}
    </p>
  ) : null;
}
