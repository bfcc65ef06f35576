import Link from 'next/link';

/**
 * A form's buttons: submit (busy while the action runs) and, on a page of its own, Cancel back to
 * `cancelHref`.
 */
export function FormFooter({
  pending,
  submitLabel,
  pendingLabel = 'Saving…',
  cancelHref,
}: {
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
  cancelHref?: string;
}) {
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {cancelHref && (
        <Link className="button button--secondary" href={cancelHref}>
          Cancel
        </Link>
      )}
    </div>
  );
}
