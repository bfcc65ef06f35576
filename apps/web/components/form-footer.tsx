import Link from 'next/link';

/** A page form's buttons: submit (busy while the action runs), and Cancel back to `cancelHref`. */
export function FormFooter({
  pending,
  submitLabel,
  cancelHref,
}: {
  pending: boolean;
  submitLabel: string;
  cancelHref: string;
}) {
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
      <Link className="button button--secondary" href={cancelHref}>
        Cancel
      </Link>
    </div>
  );
}
