/** Where a page's content would be when the API did not answer as expected. */
export function UnavailableNotice({ title }: { title: string }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      <p>Liaison’s API did not answer as expected. Try again in a moment.</p>
    </div>
  );
}
