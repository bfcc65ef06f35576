/** Two versions to compare: a plain GET form, so the comparison has an address to share. */
export function CompareForm({
  documentId,
  versions,
  from,
  to,
}: {
  documentId: string;
  versions: { id: string; label: string }[];
  from?: string | undefined;
  to?: string | undefined;
}) {
  if (versions.length < 2) return null;
  return (
    <form className="card" method="get" action={`/documents/${documentId}/compare`}>
      <h2 className="card__title">Compare versions</h2>
      <label className="field">
        <span className="field__label">From</span>
        <select name="from" defaultValue={from ?? versions[1]!.id}>
          {versions.map((version) => (
            <option key={version.id} value={version.id}>
              {version.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">To</span>
        <select name="to" defaultValue={to ?? versions[0]!.id}>
          {versions.map((version) => (
            <option key={version.id} value={version.id}>
              {version.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--secondary button--block">
        Compare
      </button>
    </form>
  );
}
