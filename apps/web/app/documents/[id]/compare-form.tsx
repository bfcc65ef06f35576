import { VersionOptions } from '../../../components/select-options';

type VersionChoice = { id: string; label: string };

/** Two versions to compare: a plain GET form, so the comparison has an address to share. */
export function CompareForm({
  documentId,
  versions,
  from,
  to,
}: {
  documentId: string;
  versions: VersionChoice[];
  from?: string | undefined;
  to?: string | undefined;
}) {
  if (versions.length < 2) return null;
  return (
    <form className="card" method="get" action={`/documents/${documentId}/compare`}>
      <h2 className="card__title">Compare versions</h2>
      <VersionSelect label="From" name="from" versions={versions} value={from ?? versions[1]!.id} />
      <VersionSelect label="To" name="to" versions={versions} value={to ?? versions[0]!.id} />
      <button type="submit" className="button button--secondary button--block">
        Compare
      </button>
    </form>
  );
}

function VersionSelect({
  label,
  name,
  versions,
  value,
}: {
  label: string;
  name: string;
  versions: VersionChoice[];
  value: string;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select name={name} defaultValue={value}>
        <VersionOptions versions={versions} />
      </select>
    </label>
  );
}
